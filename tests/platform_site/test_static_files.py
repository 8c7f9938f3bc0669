"""Static files under `make run` (runserver with DJANGO_DEBUG=true): whitenoise serves them, as in
production, and a path out of the static directories is a 404, not a server error."""

from wsgiref.util import setup_testing_defaults

import pytest
from django.core.management import get_commands, load_command_class

pytestmark = pytest.mark.django_db


@pytest.fixture
def runserver(settings):
    """The WSGI application `manage.py runserver` serves, with its default options."""
    settings.DEBUG = True  # as `make run`
    command = load_command_class(get_commands()["runserver"], "runserver")
    options = vars(command.create_parser("manage.py", "runserver").parse_args([]))
    handler = command.get_handler(**options)

    def get(path):
        environ = {"PATH_INFO": path}
        setup_testing_defaults(environ)
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"] = int(status.split()[0])

        b"".join(handler(environ, start_response))
        return answer["status"]

    return get


@pytest.mark.parametrize(
    "path",
    [
        "/static/../manage.py",
        # /static/..%2f..%2fmanage.py: the server decodes the path before the application sees it.
        "/static/../../manage.py",
        "/static/css/../../manage.py",
        "/static/../../../../etc/passwd",
        "/static/..\\manage.py",
    ],
)
def test_a_path_out_of_the_static_directories_is_a_404(runserver, path):
    assert runserver(path) == 404


def test_static_files_are_served(runserver):
    assert runserver("/static/css/site.css") == 200
    assert runserver("/static/admin/css/base.css") == 200
