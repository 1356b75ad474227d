"""The tests, mirroring the packages: ``core``, ``cli``, ``window``, ``reports``, ``maintenance``,
``tools``; shared fixtures and helpers in ``support``.
"""
