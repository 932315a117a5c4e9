"""The window's undo stack, which never records a step that did not happen.

Each step of the stack writes to the library file, and a write can fail: the library went
read-only or was found damaged, another process holds it too long, or the text changed under
a note (`StaleRevision`). Qt moves the stack's index before it knows: a command whose `redo`
or `undo` raised counts as done. Left so, Ctrl+Z after a failed redo would undo a note that
was never written back, and the redo itself would be lost.

- `push` of a command whose first `redo` failed takes it off the stack (nothing to undo).
- `undo` / `redo` that failed step the index back without running the command again, so
  the same step stays offered (Ctrl+Z or Ctrl+Shift+Z retries it once the library can be
  written).

Qt's `createUndoAction` / `createRedoAction` call the C++ slots and would skip these
overrides, so `step_actions` builds the Edit menu's two actions on the Python methods.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack


class GuardedUndoStack(QUndoStack):
    def push(self, cmd: QUndoCommand) -> None:
        failed = self._guarded(cmd, "redo", on_failure=lambda: cmd.setObsolete(True))
        super().push(cmd)  # an obsolete command is dropped: nothing to undo
        if failed:
            raise failed[0]

    def undo(self) -> None:
        if not self.canUndo():
            return
        at = self.index() - 1
        failed = self._guarded(self.command(at), "undo")
        super().undo()
        if failed:
            self._step_without(at, "redo", super().redo)
            raise failed[0]

    def redo(self) -> None:
        if not self.canRedo():
            return
        at = self.index()
        failed = self._guarded(self.command(at), "redo")
        super().redo()
        if failed:
            self._step_without(at, "undo", super().undo)
            raise failed[0]

    @staticmethod
    def _guarded(
        cmd: QUndoCommand, method: str, on_failure: Callable[[], None] | None = None
    ) -> list[BaseException]:
        """Run `cmd.method` once through a wrapper that keeps its exception on the Python
        side. Raised inside Qt's call, the error would stay pending and surface in the
        next Python slot Qt calls (the actions' text updates), never reaching us."""
        failed: list[BaseException] = []
        original = getattr(type(cmd), method)

        def wrapper() -> None:
            delattr(cmd, method)  # once only: later steps run the command itself
            try:
                original(cmd)
            except BaseException as exc:  # re-raised by the caller, once Qt has returned
                failed.append(exc)
                if on_failure is not None:
                    on_failure()

        setattr(cmd, method, wrapper)  # PySide looks overrides up on the instance
        return failed

    def _step_without(self, at: int, method: str, step: Callable[[], None]) -> None:
        """Step the index back over command `at` without running its `method`: the failed
        step did not change the library, so its opposite must not either."""
        cmd = self.command(at)
        setattr(cmd, method, lambda: None)
        try:
            step()
        finally:
            delattr(cmd, method)


def step_actions(
    stack: GuardedUndoStack, parent: QObject, undo_text: str, redo_text: str
) -> tuple[QAction, QAction]:
    """Undo and Redo actions like Qt's own ("Undo Add Note", disabled when there is
    nothing), but triggering the stack's Python `undo` / `redo`."""

    def action(prefix: str, step: Callable[[], None], can, text_now, can_changed, text_changed):
        act = QAction(prefix, parent)

        def retitle(text: str) -> None:
            act.setText(f"{prefix} {text}" if text else prefix)

        act.triggered.connect(lambda _checked=False: step())
        can_changed.connect(act.setEnabled)
        text_changed.connect(retitle)
        act.setEnabled(can())
        retitle(text_now())
        return act

    undo = action(
        undo_text,
        stack.undo,
        stack.canUndo,
        stack.undoText,
        stack.canUndoChanged,
        stack.undoTextChanged,
    )
    redo = action(
        redo_text,
        stack.redo,
        stack.canRedo,
        stack.redoText,
        stack.canRedoChanged,
        stack.redoTextChanged,
    )
    return undo, redo
