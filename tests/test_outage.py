"""While the database cannot be reached, pages say so with a 503 and Retry-After, and the log gets one
line per interval, not a traceback per request."""
from tests.servers import free_port, gunicorn, request


def test_a_database_outage_answers_503_and_is_logged_once(tmp_path):
    dead = free_port()  # nothing listens here
    log = tmp_path / "gunicorn.log"
    env = {"DATABASE_URL": f"postgres://nobody@127.0.0.1:{dead}/gone", "DJANGO_MEDIA_ROOT": str(tmp_path)}
    with gunicorn(env, stderr_path=log) as (port, _):
        answers = [request(port, path) for path in ["/", "/meetings/", "/countries/", "/search/?q=peace"] * 5]
    for status, headers, body in answers:
        assert status == 503 and headers["Retry-After"] == "10"
        assert "briefly unavailable" in body
    with gunicorn(env) as (port, _):
        status, headers, body = request(port, "/api/v1/meetings/")
    assert status == 503 and headers["Content-Type"] == "application/json" and "briefly unavailable" in body
    text = log.read_text()
    assert text.count("the database is unavailable") == 1, text[-3000:]
    assert "Traceback" not in text and "Service Unavailable" not in text
