"""Renders every section and dialog to PNG (``python main.py --demo --screenshots DIR``).

May import: everything in ``ui`` and the core; nothing of the product imports it.
"""
