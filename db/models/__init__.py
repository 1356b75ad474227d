"""The tables, as SQLAlchemy 2.x declarative models, one module per area.

Persistence only: no business rules live here (see secretariat/).

May import: SQLAlchemy and ``db.models`` itself.
"""

from db.models.base import Base, Timestamped
from db.models.evaluation import (
    Evaluation,
    EvaluationAmendment,
    EvaluationCriterion,
    EvaluationExclusion,
    EvaluationResult,
    EvaluationTier,
    JuryScore,
)
from db.models.followup import DeadlineChange, FollowUp, FollowUpCorrection
from db.models.letters import Letter, LetterDocument, LetterResolution
from db.models.meetings import (
    AgendaItem,
    Amendment,
    Assignment,
    Attachment,
    AttachmentContent,
    Invitation,
    Meeting,
    Postponement,
    Resolution,
    SeriesStart,
)
from db.models.monthly import (
    CouncilSetting,
    Indicator,
    MonthlyExemption,
    MonthlyFigure,
    MonthlyReport,
    ReportFile,
    ReportFileContent,
)
from db.models.office import AuditEntry, DeskChange, UserAccount
from db.models.register import Agency, Council, MembershipDecree, Person, Representation

__all__ = [
    "AuditEntry",
    "DeskChange",
    "UserAccount",
    "LetterResolution",
    "LetterDocument",
    "Letter",
    "JuryScore",
    "EvaluationTier",
    "EvaluationResult",
    "EvaluationExclusion",
    "EvaluationCriterion",
    "EvaluationAmendment",
    "Evaluation",
    "ReportFileContent",
    "ReportFile",
    "MonthlyReport",
    "MonthlyFigure",
    "MonthlyExemption",
    "Indicator",
    "CouncilSetting",
    "Agency",
    "AgendaItem",
    "Amendment",
    "Assignment",
    "Attachment",
    "AttachmentContent",
    "Base",
    "Council",
    "DeadlineChange",
    "FollowUp",
    "FollowUpCorrection",
    "Invitation",
    "Meeting",
    "MembershipDecree",
    "Person",
    "Postponement",
    "Representation",
    "Resolution",
    "SeriesStart",
    "Timestamped",
]
