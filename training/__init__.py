"""Training of the shared tagger (needs the ``train`` extra: torch, transformers, onnx); never imported at run time."""
