"""Benchmarks (not tests). `bench.settings` and `bench.urls` exist only for `bench/load`."""
