"""The «گزارش‌های ماهانه» section: the year's matrix of the agencies' monthly reports, recording
and correcting a report, exemptions, and the council's indicators."""
