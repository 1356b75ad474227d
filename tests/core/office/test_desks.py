"""Two desks on one database: each hears what the other saved."""

from secretariat.changes import Changes
from secretariat.core import Secretariat
from secretariat.members.agencies import AgencyDraft


def test_a_desk_hears_what_another_saved_and_not_its_own(secretariat):
    location = secretariat.database.engine.url.render_as_string(hide_password=False)
    if secretariat.database.path is not None:
        location = str(secretariat.database.path)
    agency = secretariat.agencies.add(AgencyDraft(name="بانک ملی")).id
    with Secretariat.open(location) as other:
        other.database.start_listening()
        assert other.database.news() == Changes()  # what was saved before it opened is not news
        heard: list[Changes] = []
        other.database.changes.subscribe(heard.append)
        secretariat.agencies.update(agency, AgencyDraft(name="بانک ملی ایران"))
        news = other.database.news()
        assert agency in news.agencies and heard == [news]
        assert other.database.news() == Changes()  # told once
        other.agencies.add(AgencyDraft(name="بانک سپه"))
        assert other.database.news() == Changes()  # its own save is not news to it
        secretariat.database.start_listening()
        assert secretariat.database.news() == Changes()
