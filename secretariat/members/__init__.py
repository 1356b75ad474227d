"""The register of members: the council's particulars, member agencies, people and their roles
(who is the PR manager of an agency on a day), membership decrees.

May import: ``secretariat.persian``, the top of ``secretariat``, ``db``.
"""
