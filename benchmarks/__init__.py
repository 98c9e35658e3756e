"""Benchmarks of the course: what the notebooks cost, and how good the autoencoders are.

Nothing here is a test: ``make bench`` (``python -m benchmarks``) runs the
notebooks, writes ``benchmarks/results.json``, and turns it into the website's
Results page ``book/results.md`` with its figures under ``book/figures/``.

Modules
-------
robustness  run a notebook with injected parameters; read back its headline and measures
cost        each notebook in a fresh kernel: wall time, peak memory, slowest cell
quality     the quality studies: which notebooks, at how many times their training lengths
throughput  seconds per epoch of the lecture's models per backend setting
rows        the results' schema: long-form rows, checked on every read and write
targets     the course's targets as data: each label and check from one threshold
machine     what the numbers were measured on: date, CPU, cores, memory, backend, versions
report      results.json -> book/results.md (through results.md.j2) and its figures
"""
