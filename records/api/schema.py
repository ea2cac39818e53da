"""The OpenAPI document: drf-spectacular's, with the errors every endpoint can answer written down."""
from drf_spectacular.openapi import AutoSchema

ERROR = {"content": {"application/json": {"schema": {"type": "object", "additionalProperties": True}}}}
SERVER_PAGE = {"content": {"text/html": {"schema": {"type": "string"}}}}  # answered by gunicorn, before Django
ERRORS = {
    "400": "A parameter's value is not valid; the body names each one and why.",
    "404": "No such object, or no such page of results.",
    "414": "The address is longer than the server reads (gunicorn's limit of a request line).",
    "429": "Too many requests from this client; the Retry-After header says when to try again.",
    "503": "The archive is briefly unavailable, or the request took too long; see Retry-After.",
}


class ArchiveAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, description in ERRORS.items():
            responses.setdefault(code, {**(SERVER_PAGE if code == "414" else ERROR), "description": description})
        return responses
