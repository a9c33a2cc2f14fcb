"""Given names that mark a person's gender when the text itself never says, for pronoun agreement.

A list of given names common in English-language news; a name not listed leaves the gender open, which agrees with
both pronouns, so the list only ever removes wrong antecedents and never invents one.
"""

from __future__ import annotations

from typing import Final

from .attribution.lexicon import words

_MALE: Final = words(
    """james john robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry peter
    zachary douglas harold carl arthur gerald roger keith jeremy terry lawrence sean christian albert
    joe ethan austin jesse willie billy bryan bruce jordan ralph roy noah dylan eugene wayne alan juan
    louis russell gabriel randy philip harry vincent bobby johnny logan bernie ted jeb marco mike chris
    rand ben barack bill mitch newt rick ron tim tom jim bob dan dave steve jeff greg ken matt nick tony
    jared kyle evan ian cody travis luke derek marcus chad brett todd craig shane dustin blake caleb isaac
    connor hunter trevor mitchell spencer seth garrett lucas colin elijah gavin mason liam owen jake max
    victor hector carlos luis jorge miguel pedro antonio manuel francisco ricardo roberto rafael fernando
    sergio diego alejandro javier raul ramon enrique pablo hugo omar ahmed mohammed muhammad vladimir boris
    sergei dmitry rudy chuck mitt lyndon franklin dwight herbert calvin woodrow abraham theodore jimmy dick
    hank martin neil glenn tucker bret lou elliot stuart gordon emmanuel reince jonas tomas tomasz karim ali
    hassan hussein ibrahim yusuf mustafa mehmet ahmet kemal olaf lars sven nils erik anders johan piotr pawel
    krzysztof andrzej marek lukasz ivan igor oleg alexei andrei mikhail nikolai yuri viktor volodymyr petro
    taras bogdan stefan pierre francois jacques olivier laurent nicolas giuseppe giovanni luca matteo paolo
    alessandro lorenzo hans klaus jurgen dieter wolfgang friedrich heinrich markus matthias tobias felix jonah
    kwame kofi emeka tunde raj rahul amit sanjay vijay arjun narendra rajiv hiroshi takeshi kenji shinzo fumio
    abdul abdullah khalid salman faisal tariq imran nawaz recep yair naftali yitzhak moshe avi mahmoud ismail
    yahya bashar hamid reza javad ebrahim hamza bilal idris olusegun goodluck muhammadu cyril thabo
    jair lula evo fidel andres gustavo mauricio sebastian joaquin emilio ignacio"""
)
_FEMALE: Final = words(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
    sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
    katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
    joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
    martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace
    denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
    kayla alexis lori hillary carly nikki huma kellyanne hope ivanka melania elaine kamala tulsi jill jane anne kate katie sue ellen carla maggie claudia chelsea tiffany
    debbie dianne condoleezza madeleine jeanne jeanine megyn greta mika gretchen dana loretta sonia elena
    valerie kirsten tammy patty patti claire heidi mazie shelley nina gina tina sheila alicia veronica
    monica erica libby hilary nicola paula rebekah becky cindy wendy ella chloe zoe lily brooke leah stella
    lucy audrey caroline madeline maya naomi serena iris irene joanne rosa rose lydia eva vera carmen sofia
    lucia isabel mariana valentina camila gabriela ana petra ingrid astrid sigrid ursula annalena katarina
    katharina sabine monika birgit helga heike martina marta magdalena agnieszka katarzyna malgorzata olga
    tatiana natalia svetlana yulia irina ludmila oksana olena iryna sophie amelie camille chantal nathalie
    isabelle giorgia giulia francesca chiara alessandra elisabetta fatima aisha leila layla yasmin zainab amina
    nadia mariam priya sunita indira keiko akiko yoko ngozi ines beatriz mercedes pilar dolores jacinda mette
    sanna kaja roberta dilma cristina imelda benazir golda tzipi ayelet hanan rania noor"""
)


# Honorifics, offices and ranks written before a person's name ("Sen. Ada Okafor", "Assemblywoman Claudia
# Reyes", "Rep. Lopez"), without their full stops.
TITLES: Final = words(
    """mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative gov governor
    president vice secretary judge justice chief ceo director ambassador commissioner attorney general gen
    admiral adm colonel col lt lieutenant capt captain sgt sergeant officer detective inspector pastor
    reverend rev rabbi imam bishop cardinal pope king queen prince princess speaker chairman chairwoman
    spokesman spokeswoman spokesperson congressman congresswoman assemblyman assemblywoman councilman
    councilwoman councillor councilor alderman mayor minister premier chancellor sheriff"""
)


def first_name_gender(name: str) -> str | None:
    """ "m" or "f" when the first word of ``name`` is a listed given name, else None."""
    words = [w.strip(".,").lower() for w in name.split()]
    first = next((w for w in words if w not in TITLES), "")
    if first in _MALE:
        return "m"
    return "f" if first in _FEMALE else None
