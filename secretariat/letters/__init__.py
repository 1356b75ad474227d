"""The secretariat's letter register (دفتر اندیکاتور).

- ``numbering``: the council's number pattern, and the next number of a year;
- ``register``: issuing (or reprinting) outgoing letters, recording incoming
  ones and what they answer, voiding, and the searchable register;
- ``communication``: communicating a finalized meeting's resolutions (ابلاغ مصوبات);
- ``printed``: how a printout of letters issues them, and what the register said of each
  (``secretariat.reports.issuing`` prints them).
"""
