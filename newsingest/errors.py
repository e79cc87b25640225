"""The exception hierarchy.

Every error newsingest raises on purpose derives from :class:`NewsingestError`, so a
service can catch one type and know it has caught only our failures, never a bug
in its own code.
"""

from __future__ import annotations


class NewsingestError(Exception):
    """Base class of every error newsingest raises on purpose."""


class InputError(NewsingestError, ValueError):
    """The input cannot be turned into an article: empty, undecodable, binary, too large."""


class UsageError(NewsingestError, ValueError):
    """An argument is not one newsingest accepts (a bad value, an unknown option)."""


class ArgumentTypeError(UsageError, TypeError):
    """An argument has the wrong type (``url=123``, ``date=3.5``)."""


class MissingExtraError(NewsingestError, ImportError):
    """A feature needs an optional extra that is not installed; the message names the install command."""


class PluginError(NewsingestError):
    """A plugin is unknown, misdeclared, or failed to load."""


class TranslationError(NewsingestError):
    """Translation was asked for and could not be done."""


class ModelNotInstalledError(TranslationError):
    """No installed translation model covers the requested language pair.

    The message names the pair and the command that installs a model for it.
    """

    def __init__(self, from_code: str, to_code: str) -> None:
        self.from_code = from_code
        self.to_code = to_code
        super().__init__(
            f"no translation model installed for {from_code} -> {to_code}; "
            f"install one with: newsingest models install {from_code} {to_code} "
            f"(online) or newsingest models install FILE.argosmodel"
        )

    def __reduce__(self):  # keep the error picklable across process pools
        return (type(self), (self.from_code, self.to_code))
