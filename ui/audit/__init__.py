"""The audit trail in the window: the secretary's browser of the whole trail, and a record's history."""
