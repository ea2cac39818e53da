"""No page runs a query per row: the query count stays flat however many speeches, members or ballots."""
import pytest

from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url,limit", [
    ("/", 12),
    ("/meetings/", 10),
    ("/meetings/?country=CHN&vote=any", 10),
    ("/meetings/8699/", 16),  # 101 speeches
    ("/meetings/8700/", 16),  # 23 speeches, 2 votes, 30 ballots
    ("/meetings/8700/speeches/2/", 8),
    ("/countries/", 6),
    ("/countries/RUS/", 12),
    ("/resolutions/", 8),
    ("/resolutions/2504/", 14),
    ("/search/?q=security", 14),
    ("/search/?q=%E5%AE%89%E5%85%A8", 14),
])
def test_query_count_is_bounded(client, django_assert_max_num_queries, url, limit):
    from records import recount

    needs_pdfs()
    recount.everything()  # the kept figures are computed once per import (a fixed number of queries), not here
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
