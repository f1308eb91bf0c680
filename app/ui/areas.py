"""The areas of the main window, in the order the navigation list shows them."""

from app.ui.aims_panel import AimsPanel
from app.ui.decisions_panel import DecisionsPanel
from app.ui.members_panel import MembersPanel
from app.ui.panels import RecordsPanel
from app.ui.payments_panel import PaymentsPanel
from app.ui.sessions_panel import SessionsPanel

AREAS: tuple[type[RecordsPanel], ...] = (
    MembersPanel,
    SessionsPanel,
    AimsPanel,
    DecisionsPanel,
    PaymentsPanel,
)
