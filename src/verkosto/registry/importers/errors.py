"""What an import reports about a row it could not use."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class RowIssue:
    """A problem with one row: its line in the file, the field and the reason."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return (
            f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )

    def as_dict(self) -> dict:
        return asdict(self)


class RowRejected(Exception):
    """Raised while processing a row that cannot be imported."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class RowSkipped(Exception):
    """Raised for a valid row that this import does not take (out of scope, unresolved)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class FileRejected(Exception):
    """The file as a whole cannot be read (encoding, header, size)."""

    def __init__(self, issues: list[RowIssue]):
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues
