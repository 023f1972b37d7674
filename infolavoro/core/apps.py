from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "infolavoro.core"
    label = "core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_session_renewed

        # A session starts renewed at login: the sliding renewal writes again only after SESSION_RENEW_AFTER.
        user_logged_in.connect(mark_session_renewed, dispatch_uid="infolavoro.core.session_renewed")
