"""Train the shared two-head tagger and write the shipped files (tagger.onnx, tagger.json, tokenizer.json, NOTICE).

    python -m training.train_tagger --polnear /work/shared/data/polnear \\
        --semeval /work/shared/data/persuasion/semeval2023-en --out presslens/models

Batches alternate between PolNeAR (attribution head) and SemEval (technique head); each batch's loss covers
only its own head. An epoch is one pass over the larger set, the smaller one cycling (re-shuffled) beside it.
The held-out 10% of each train set (training.splits) is not trained on; it gives the per-epoch figures and
decides whether int8 quantization keeps accuracy. ``--train-on-heldout attribution`` trains that head on it
too, for the model to ship once every choice has been made on the split: its held-out figures are then
gone. Every text is read as the runtime tagger reads it, with its names replaced by stand-ins
(presslens._neutral), so the model never learns who is named.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from presslens._labels import ATTRIBUTION_LABELS, TECHNIQUES
from presslens._tagger import MODEL_FILE, TOKENIZER_FILE, load_tokenizer

from . import packed
from .encode import Split, special_ids, windows
from .evaluate import evaluate_onnx, evaluate_torch
from .losses import TaskLosses
from .metrics import Figures
from .model import TaggerNet, encoder_dir, export_onnx, quantize
from .splits import is_heldout

NOTICE = (
    "tagger.onnx is fine-tuned from sentence-transformers/all-MiniLM-L6-v2 (first layers kept),\n"
    "Copyright the sentence-transformers authors, licensed under the Apache License 2.0;\n"
    "tokenizer.json is that model's tokenizer, under the same licence.\n"
)
INT8_TOLERANCE = 0.01  # largest held-out token-F1 loss accepted for the 4x smaller int8 model

Batch = tuple[str, torch.Tensor, torch.Tensor, torch.Tensor]
Window = tuple[np.ndarray, np.ndarray]
History = list[dict[str, Any]]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", type=Path, default=None)
    parser.add_argument("--semeval", type=Path, default=None)
    parser.add_argument("--packed", type=Path, default=None, help="corpora encoded by python -m training.packed")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--device", default="cpu", help="torch device to train on (cpu, cuda)")
    parser.add_argument("--encoder", type=Path, default=None, help="encoder folder (default: the MiniLM wheel)")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--max-len", type=int, default=256, help="window length with [CLS] and [SEP]")
    parser.add_argument("--stride", type=int, default=32, help="wordpieces shared by consecutive windows")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4, help="encoder learning rate; heads get 10x")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-steps", type=int, default=0, help="stop each epoch after this many steps (0: none)")
    parser.add_argument("--checkpoint", type=Path, default=None, help="save the torch weights here after each epoch")
    parser.add_argument("--init", type=Path, default=None, help="start from weights saved by --checkpoint")
    parser.add_argument(
        "--train-on-heldout",
        choices=("attribution", "techniques"),
        action="append",
        default=[],
        metavar="HEAD",
        help="train HEAD on its held-out 10%% too (the shipped run, after the choices; repeatable)",
    )
    _switches(parser)
    _distillation(parser)
    args = parser.parse_args(argv)
    if not args.packed and not (args.polnear and args.semeval):
        parser.error("give --polnear and --semeval, or --packed FILE made from them by python -m training.packed")
    return args


def _switches(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--export",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="export and install the ONNX model at the end (a teacher needs only --checkpoint)",
    )
    parser.add_argument(
        "--bf16",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="bfloat16 autocast for training steps (2x faster on AVX512-BF16 CPUs)",
    )


def _distillation(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--teacher",
        type=teacher_spec,
        action="append",
        default=[],
        metavar="WEIGHTS:LAYERS",
        help="distil the attribution head from weights saved by --checkpoint (repeat: their mean)",
    )
    parser.add_argument("--distill", type=float, default=0.5, help="weight of the teachers' soft targets (0-1)")
    parser.add_argument(
        "--distill-semeval",
        action="store_true",
        help="with --teacher, also teach the attribution head on the SemEval texts (soft targets only)",
    )


def teacher_spec(value: str) -> tuple[Path, int]:
    """ "runs/l6.pt:6": a checkpoint and its encoder's layer count."""
    path, _, layers = value.rpartition(":")
    if not path or not layers.isdigit():
        raise argparse.ArgumentTypeError(f"expected WEIGHTS:LAYERS, got {value!r}")
    return Path(path), int(layers)


def load_split(args: argparse.Namespace, tokenizer_path: Path) -> Split:
    """(train, held-out) encoded documents per head."""
    if args.packed:
        corpora = packed.load(args.packed)
    else:
        corpora = packed.encode_corpora(args.polnear, args.semeval, tokenizer_path)
    out = {}
    for head, encoded in corpora.items():
        keep = head not in args.train_on_heldout
        out[head] = (
            [item for item in encoded if not (keep and is_heldout(item.stem))],
            [item for item in encoded if keep and is_heldout(item.stem)],
        )
    return out


def collate(head: str, rows: list[Window]) -> Batch:
    """Pad the (rare) short windows of short documents to the batch's longest, with ignored labels."""
    width = max(len(ids) for ids, _ in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    labels = np.full((len(rows), width, *rows[0][1].shape[1:]), -100, dtype=rows[0][1].dtype)
    for index, (row_ids, row_labels) in enumerate(rows):
        ids[index, : len(row_ids)] = row_ids
        mask[index, : len(row_ids)] = 1
        labels[index, : len(row_ids)] = row_labels
    return head, torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(labels)


def batches(head: str, rows: list[Window], size: int, rng: random.Random) -> Iterator[Batch]:
    """Endless shuffled batches: each pass over ``rows`` is a fresh permutation."""
    while True:
        order = rows[:]
        rng.shuffle(order)
        for start in range(0, len(order), size):
            yield collate(head, order[start : start + size])


def epoch_plan(windows_by_head: dict[str, list[Window]], size: int) -> int:
    """Steps per epoch: both heads alternate until the larger set has been seen once."""
    return 2 * max(-(-len(rows) // size) for rows in windows_by_head.values())


def make_optimizer(
    net: TaggerNet, lr: float, total_steps: int
) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler]:
    """AdamW, heads at 10x the encoder's rate, linear warm-up over 6% of steps then linear decay."""
    heads = [*net.attribution.parameters(), *net.techniques.parameters()]
    optimizer = torch.optim.AdamW(
        [{"params": net.encoder.parameters(), "lr": lr}, {"params": heads, "lr": lr * 10}], weight_decay=0.01
    )
    warmup = max(1, int(0.06 * total_steps))

    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def train(args: argparse.Namespace, data: Split, net: TaggerNet, ids: tuple[int, int]) -> History:
    """The training loop; returns the per-epoch held-out figures."""
    rng = random.Random(args.seed)
    width = args.max_len - 2
    rows = {
        head: [w for item in train_set for w in windows(item, width, args.stride, *ids)]
        for head, (train_set, _) in data.items()
    }
    for head, head_rows in rows.items():
        print(
            f"{head}: {len(data[head][0])} train docs, {len(head_rows)} windows, {len(data[head][1])} held-out docs",
            flush=True,
        )
    steps = epoch_plan(rows, args.batch_size)
    if args.max_steps:
        steps = min(steps, args.max_steps)
    optimizer, scheduler = make_optimizer(net, args.lr, steps * args.epochs)
    objective = Objective(
        TaskLosses.from_labels([item.labels for item in data["techniques"][0]]),
        load_teachers(args),
        args.distill,
        args.bf16,
        args.distill_semeval,
    )
    streams = {head: batches(head, head_rows, args.batch_size, rng) for head, head_rows in rows.items()}
    history = []
    for epoch in range(1, args.epochs + 1):
        run_epoch(net, streams, objective, optimizer, scheduler, steps, epoch)
        figures = evaluate_torch(net, data, width, args.stride, ids)
        history.append({"epoch": epoch, **figures})
        print(f"epoch {epoch} held-out {json.dumps(figures)}", flush=True)
        if args.checkpoint:
            torch.save(net.state_dict(), args.checkpoint)
        if epoch < args.epochs and args.device == "cpu":  # a GPU run is short enough to wait for
            install_interim(args, data, net, history)
    return history


def load_teachers(args: argparse.Namespace) -> tuple[TaggerNet, ...]:
    """The taggers to distil from (``--teacher``), frozen in eval mode."""
    teachers = []
    for weights, layers in args.teacher:
        teacher = TaggerNet(layers, args.encoder)
        teacher.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
        teacher.to(args.device)
        teacher.eval()
        teacher.requires_grad_(False)
        teachers.append(teacher)
    return tuple(teachers)


def install_interim(args: argparse.Namespace, data: Split, net: TaggerNet, history: History) -> None:
    """After each epoch but the last, put an int8 model in --out so a long run can be used before it ends."""
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        fp32, int8 = Path(work) / "fp32.onnx", Path(work) / "int8.onnx"
        export_onnx(net, fp32)
        quantize(fp32, int8)
        install(args, data, history, {"shipped": f"int8, interim after epoch {len(history)}"}, int8)
    net.train()


def install(args: argparse.Namespace, data: Split, history: History, exported: dict[str, Any], model: Path) -> None:
    """Write the four shipped files, the model last-but-one and atomically, so readers never see half a file."""
    source = args.encoder or encoder_dir()
    shutil.copyfile(source / TOKENIZER_FILE, args.out / TOKENIZER_FILE)
    (args.out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    staged = args.out / f".{MODEL_FILE}.partial"
    shutil.copyfile(model, staged)
    staged.replace(args.out / MODEL_FILE)
    write_meta(args, data, history, exported, args.out / "tagger.json")
    print(f"wrote {args.out / MODEL_FILE} ({(args.out / MODEL_FILE).stat().st_size / 1e6:.1f} MB)", flush=True)


@dataclass(frozen=True)
class Objective:
    """What a training step minimises: the hard-label losses, the attribution one blended with the teachers'
    mean probabilities when there are teachers (``weight`` is the soft share). Technique batches keep their
    hard labels: a distilled technique head learned more slowly in a trial run (held-out micro-F1 0.136
    against 0.177 after two epochs)."""

    losses: TaskLosses
    teachers: tuple[TaggerNet, ...] = ()
    weight: float = 0.0
    bf16: bool = True
    on_semeval: bool = False

    def __call__(self, net: TaggerNet, batch: Batch) -> torch.Tensor:
        head, input_ids, mask, labels = batch
        with torch.autocast(input_ids.device.type, dtype=torch.bfloat16, enabled=self.bf16):
            attribution, techniques = net(input_ids, mask)
        if head != "attribution":
            hard = self.losses.techniques(techniques.float(), labels)
            if not (self.teachers and self.on_semeval):
                return hard
            return hard + self.weight * self.taught(attribution, input_ids, mask, labels[..., 0])
        hard = self.losses.attribution(attribution.float(), labels)
        if not self.teachers:
            return hard
        return (1.0 - self.weight) * hard + self.weight * self.taught(attribution, input_ids, mask, labels)

    def taught(
        self, attribution: torch.Tensor, input_ids: torch.Tensor, mask: torch.Tensor, labels: torch.Tensor
    ) -> torch.Tensor:
        """The soft loss towards the teachers' mean probabilities, over the wordpieces ``labels`` does not
        ignore."""
        with torch.no_grad(), torch.autocast(input_ids.device.type, dtype=torch.bfloat16, enabled=self.bf16):
            taught = [torch.softmax(t(input_ids, mask)[0].float(), dim=-1) for t in self.teachers]
        target = torch.stack(taught).mean(dim=0)
        return self.losses.attribution_soft(attribution.float(), target, labels)


def run_epoch(
    net: TaggerNet,
    streams: dict[str, Iterator[Batch]],
    objective: Objective,
    optimizer: torch.optim.Optimizer,
    scheduler: torch.optim.lr_scheduler.LRScheduler,
    steps: int,
    epoch: int,
) -> None:
    net.train()
    heads = list(streams)
    device = next(net.parameters()).device
    started, running = time.perf_counter(), {head: 0.0 for head in heads}
    for step in range(steps):
        head = heads[step % 2]
        _, *tensors = next(streams[head])
        input_ids, mask, labels = (tensor.to(device, non_blocking=True) for tensor in tensors)
        loss = objective(net, (head, input_ids, mask, labels))
        optimizer.zero_grad()
        loss.backward()  # type: ignore[no-untyped-call]
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        running[head] = 0.9 * running[head] + 0.1 * loss.item() if step > 1 else loss.item()
        if (step + 1) % 20 == 0 or step + 1 == steps:
            rate = (step + 1) / (time.perf_counter() - started)
            print(
                f"epoch {epoch} step {step + 1}/{steps} {rate:.2f} steps/s "
                + " ".join(f"loss_{name}={value:.4f}" for name, value in running.items()),
                flush=True,
            )


def export_and_choose(
    args: argparse.Namespace, net: TaggerNet, data: Split, ids: tuple[int, int], work: Path
) -> tuple[Path, dict[str, Any]]:
    """Export fp32, quantize to int8, measure both on the held-out split; ship int8 unless it loses more
    than INT8_TOLERANCE (fp32 is 4x larger). Both are measured on the CPU, where they will run."""
    net.cpu()
    paths = {name: work / f"{name}.onnx" for name in ("fp32", "int8")}
    export_onnx(net, paths["fp32"])
    quantize(paths["fp32"], paths["int8"])
    width = args.max_len - 2
    figures = {name: evaluate_onnx(path, data, width, args.stride, ids) for name, path in paths.items()}
    chosen = "int8" if int8_loss(figures["fp32"], figures["int8"]) <= INT8_TOLERANCE else "fp32"
    for name, values in figures.items():
        print(f"export {name} {json.dumps(values)}", flush=True)
    print(f"shipping {chosen}", flush=True)
    return paths[chosen], {"onnx": figures, "shipped": chosen}


def int8_loss(fp32: Figures, int8: Figures) -> float:
    """The larger drop of the two headline token F1s (attribution BIO, technique micro)."""
    return max(
        fp32[head].get(name, 0.0) - int8[head].get(name, 0.0)
        for head, name in (("attribution", "token_f1"), ("techniques", "micro_f1"))
    )


def write_meta(args: argparse.Namespace, data: Split, history: History, exported: dict[str, Any], path: Path) -> None:
    meta = {
        "labels": {"attribution": list(ATTRIBUTION_LABELS), "techniques": list(TECHNIQUES)},
        "encoder": f"sentence-transformers/all-MiniLM-L6-v2, first {args.layers} layers",
        "layers": args.layers,
        "max_len": args.max_len,
        "stride": args.stride,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "seed": args.seed,
        "distilled_from": {
            "teacher_layers": [layers for _, layers in args.teacher],
            "soft_weight": args.distill if args.teacher else 0.0,
            "on_semeval_texts": bool(args.teacher and args.distill_semeval),
        },
        "data": {
            "attribution": {
                "corpus": "PolNeAR 1.0 train, first annotator",
                "train_docs": len(data["attribution"][0]),
                "heldout_docs": len(data["attribution"][1]),
            },
            "techniques": {
                "corpus": "SemEval-2023 task 3 en train spans",
                "train_docs": len(data["techniques"][0]),
                "heldout_docs": len(data["techniques"][1]),
            },
            "heldout_rule": "training.splits.is_heldout: sha1(stem) % 10 == 0",
            "trained_on_heldout": args.train_on_heldout,
        },
        "heldout_token_figures": {"per_epoch": history, **exported},
        "date": dt.date.today().isoformat(),
    }
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    source = args.encoder or encoder_dir()
    tokenizer = load_tokenizer(source / TOKENIZER_FILE)
    ids = special_ids(tokenizer)
    data = load_split(args, source / TOKENIZER_FILE)
    net = TaggerNet(args.layers, source)
    if args.init:
        net.load_state_dict(torch.load(args.init, map_location="cpu", weights_only=True))
    net.to(args.device)
    history = train(args, data, net, ids)
    if not args.export:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        chosen, exported = export_and_choose(args, net, data, ids, Path(work))
        install(args, data, history, exported, chosen)


if __name__ == "__main__":
    main()
