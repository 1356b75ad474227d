"""Benchmarks (developer tools, never shipped): each prints its figures, the dataset size and a
baseline measured in the same run; ``generate`` builds the design-scale dataset.
"""
