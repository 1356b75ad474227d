"""Benchmarks (developer tools, never shipped): ``python -m bench --scale S`` prints every figure of
the app beside a baseline measured in the same run (see ``bench.__main__``); ``generate`` builds the
design-scale dataset.
"""
