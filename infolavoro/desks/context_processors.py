from django.http import HttpRequest


def current_desk(request: HttpRequest) -> dict:
    return {"desk": getattr(request, "desk", None)}
