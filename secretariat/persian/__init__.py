"""Persian text and dates: normalising and folding text, Persian alphabetical order, the Jalali
calendar, ordinals. Plain functions with no database.

May import: the standard library, jdatetime; nothing else of the project.
"""
