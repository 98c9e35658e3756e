"""Benchmarks of the course: what the notebooks cost, and how good the autoencoders are.

Nothing here is a test: ``make bench`` (``python -m benchmarks``) measures,
writes ``benchmarks/results.json``, and turns it into the website's Results
page ``book/results.md`` with its figures under ``book/figures/``.

Modules
-------
cost      each notebook in a fresh kernel: wall time, peak memory, slowest cell
quality   one function per study (PCA, denoising, upscaling, recoloring, sparsity), each taking a seed
machine   what the numbers were measured on: date, CPU, cores, memory, backend, versions
report    results.json -> book/results.md and its figures, without measuring anything
"""
