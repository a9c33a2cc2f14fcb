"""Which words introduce reported speech or thought, by lemma, and how each takes its content.

The lists follow what news writing uses (and what PolNeAR annotates): verbs of saying, of writing and
publishing, of arguing and accusing, and of believing and wanting, since a reported belief is an
attribution as much as a reported sentence. Membership is by lemma so every inflection agrees.
"""

from __future__ import annotations

from typing import Final


def words(listing: str) -> frozenset[str]:
    """A word set from a blank-separated listing (keeps long lexicons readable)."""
    return frozenset(listing.split())


SPEECH: Final = words("""
    say tell add write ask note report announce suggest explain argue claim insist state declare tweet
    post respond reply answer comment recall warn urge predict promise pledge vow acknowledge admit concede
    confirm deny reveal disclose maintain contend allege assert testify remark mention stress emphasize
    emphasise conclude agree estimate hint indicate caution complain joke quip boast proclaim reiterate
    repeat recount insist speculate acknowledge affirm charge counter observe continue lament concede
    question wonder retort quote cite show find""")
COGNITION: Final = words(
    "think believe hope fear expect know feel want wish worry doubt suspect assume guess imagine realize "
    "realise understand consider"
)
REPORTING: Final = SPEECH | COGNITION
# Verbs that give a quote as words spoken aloud: after any other verb a title-cased quote ("read "The Long
# Bridge"", "sang "Home Again"") names a work, not someone's words.
UTTERING: Final = words(
    "say tell ask declare state announce proclaim exclaim chant shout yell scream cry cheer whisper mutter "
    "reply respond answer retort add insist"
)
# Verbs whose content is an object plus its predicate: "accused X of Y", "described X as Y", "called X Y",
# "quoted X as saying Y" (where X's own report nests inside).
OBJECT_PREDICATE: Final = {
    "accuse": "of",
    "describe": "as",
    "call": "",
    "label": "",
    "brand": "",
    "dub": "",
    "blame": "for",
    "praise": "for",
    "criticize": "for",
    "criticise": "for",
    "quote": "as",
    "cite": "as",
}
# Nouns for what was said, as a content's head ("the idea that ...") or as the outlet's summing up after it
# (", a claim the opposition disputed").
PROPOSITIONS: Final = words(
    """idea notion assertion claim suggestion allegation accusation charge comment rumor rumour theory argument
    premise belief contention speculation report"""
)
SUMMING: Final = PROPOSITIONS | words("promise pledge view position remark statement prediction warning threat vow")
# Relative pronouns: a source that is one stands for the noun its clause hangs on.
RELATIVES: Final = words("who whom whose which that")
# Verbs that, in the passive, give a view of their subject with no one to hold it: "is considered the
# frontrunner", "was regarded as a failure", "were deemed relevant" (PolNeAR marks these, sourceless).
# Not "called" or "named": "The film is called No Respite" gives a name, not a view.
LABELLING: Final = words("consider regard view see deem hail portray describe label brand")
# Adverbs that report what their clause says without naming who said it: "The FBI is reportedly making
# arrangements" (PolNeAR's cue is the adverb, with no source, in 14 of 29 uses of "reportedly" in train).
HEARSAY: Final = words("reportedly allegedly purportedly")
# Verbs that give another's words "as saying": Reuters "quoted the minister as saying", the minister "was
# quoted by Reuters as saying".
QUOTING: Final = words("quote cite")
# Verbs that take their content as a to-infinitive: "claims to represent", "vowed to fight".
INFINITIVE: Final = words(
    "claim promise pledge vow threaten refuse decline hope want plan expect agree offer urge intend aim seek propose"
)
# Verbs whose object is the person addressed, not the content: "told Reuters that ...".
ADDRESSING: Final = words("tell ask inform assure warn remind urge notify advise promise")
# Prepositions that mark a cue phrase whose object is the content: "called for", "called on".
PHRASAL: Final = {"call": frozenset({"for", "on"}), "point": frozenset({"to"}), "refer": frozenset({"to"})}
# What words are put in or sent out as: "warned in a memo that ...", "issued a statement saying ...".
DOCUMENTS: Final = words(
    "memo memorandum letter statement report email e-mail note filing interview speech post tweet message "
    "op-ed column essay editorial affidavit declaration brief complaint lawsuit release article"
)
# Verbs that send a document out: "issued a statement saying" is cued from "issued".
SENDING: Final = words("issue send release publish post write email e-mail put circulate distribute draft")
# Every verb that can be a cue in the rules: one of reporting, one that frames its object, a phrasal one.
# Verbs of saying aloud, cues for the rules ('"Not this year!" the crowd chanted'). Kept out of SPEECH,
# whose words the attribution gate weighs as it learned them.
LOUD: Final = words("exclaim shout yell scream whisper mutter chant")
CUE_LEMMAS: Final = REPORTING | LOUD | frozenset(OBJECT_PREDICATE) | frozenset(PHRASAL)
# People a text may call by what they are, not by name, and then by "he" or "she" (never "it").
PEOPLE_NOUNS: Final = words(
    """person man woman teacher resident protester witness worker nurse doctor farmer driver student
    pensioner retiree voter official aide adviser advisor source engineer soldier officer spokesman
    spokeswoman spokesperson neighbour neighbor survivor victim owner manager candidate nominee"""
)
# Words that say a person's gender when they stand in the person's own label or before the name. No
# pronouns: "Her deputy, Tom Reyes" says whose deputy he is, not that he is a woman.
MALE_WORDS: Final = words(
    """mr man men husband father son brother king prince congressman chairman spokesman
    businessman sir lord boy uncle nephew grandfather gentleman assemblyman councilman alderman
    statesman policeman"""
)
FEMALE_WORDS: Final = words(
    """mrs ms miss woman women wife mother daughter sister queen princess congresswoman
    chairwoman spokeswoman businesswoman madam lady girl aunt niece grandmother"""
)
# Nouns a later mention uses for one kind of thing ("El Diario, a Spanish daily ... the newspaper"), and
# words in a name that say it is of that kind ("the Harbour Gazette ... the paper").
COMPANIES: Final = words("company firm corporation conglomerate")
KINDS: Final = (
    (
        words("newspaper paper daily tabloid weekly broadsheet publication outlet magazine"),
        words("gazette times post tribune herald journal daily news chronicle courier telegraph observer inquirer"),
    ),
    (words("broadcaster network channel station"), words("tv television radio broadcasting network news channel")),
    (COMPANIES, words("inc inc. corp corp. ltd ltd. llc plc company holdings")),
)
# Offices held by one person at a time, who is often left unnamed ("the governor").
OFFICES: Final = words("president governor mayor king queen pope chancellor premier sheriff prince princess minister")
ABBREVIATED_TITLES: Final = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "adm": "admiral",
    "gen": "general",
    "sec": "secretary",
    "pres": "president",
    "lt": "lieutenant",
    "capt": "captain",
    "sgt": "sergeant",
    "prof": "professor",
}
