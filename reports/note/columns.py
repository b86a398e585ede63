"""Short blocks in balanced newspaper columns (glossary, assumptions), read column by column.

reportlab's BalancedColumns re-lays its text out many times (it once took a third of the
note's time), and a borderless table reads row by row with a gap under every short cell.
Here each block is laid out once at the column width; the columns are balanced on the
last page and split across pages between blocks.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

FUZZ = 1e-6  # reportlab's frame refuses a flowable taller than its room by more than this


class Columns(Flowable):
    """Blocks flowed down `count` columns of equal width, `gap` points apart."""

    def __init__(self, items: list[Flowable], count: int = 2, gap: float = 10,
                 fill: bool = False) -> None:
        super().__init__()
        self.items, self.count, self.gap, self.fill = items, max(1, count), gap, fill
        self.spaceAfter = 6
        self._sizes: list[float] = []
        self._width = -1.0
        self._cols: list[list[int]] = []

    def _measure(self, avail_width: float) -> None:
        """Each block's height at the column width, spaces included (laid out once)."""
        if avail_width == self._width:
            return
        self._width = avail_width
        col = self.col_width(avail_width)
        self._sizes = [item.wrap(col, 0x7FFFFFFF)[1] + item.getSpaceBefore()
                       + item.getSpaceAfter() for item in self.items]

    def col_width(self, avail_width: float) -> float:
        """Width of one column."""
        return (avail_width - self.gap * (self.count - 1)) / self.count

    def _pack(self, height: float) -> list[list[int]]:
        """Block indices per column, filling each column up to `height` in reading order;
        a block taller than `height` is never placed, even at the top of a column (the
        frame would refuse the part that holds it)."""
        cols: list[list[int]] = [[]]
        used = 0.0
        for i, size in enumerate(self._sizes):
            if used + size > height + FUZZ:
                if not cols[-1] or len(cols) == self.count or size > height + FUZZ:
                    break
                cols.append([])
                used = 0.0
            cols[-1].append(i)
            used += size
        return cols

    def _placed(self, cols: list[list[int]]) -> int:
        return sum(len(c) for c in cols)

    def _balanced_height(self) -> float:
        """The shortest column height that holds every block (bisection)."""
        low, high = max(self._sizes), sum(self._sizes)
        for _ in range(30):
            if high - low < 0.5:
                break
            mid = (low + high) / 2
            if self._placed(self._pack(mid)) == len(self._sizes):
                high = mid
            else:
                low = mid
        return high

    def _column_height(self, cols: list[list[int]]) -> float:
        return max((sum(self._sizes[i] for i in c) for c in cols), default=0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Balanced height when everything fits; more than the room otherwise (to split)."""
        self._measure(avail_width)
        if not self.items:
            self._cols, self.width, self.height = [], avail_width, 0
            return avail_width, 0
        height = avail_height if self.fill else self._balanced_height()
        self._cols = self._pack(height)
        self.width = avail_width
        if self._placed(self._cols) < len(self.items):  # does not fit: the frame will split
            self.height = avail_height + 1
        else:
            self.height = self._column_height(self._cols)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The blocks that fit in this frame's columns, then the others for the next frame."""
        self._measure(avail_width)
        cols = self._pack(avail_height)
        placed = self._placed(cols)
        if placed == 0 or self._sizes[0] > avail_height:
            return []  # not even the first block fits here: try the next frame
        if len(self.items) - placed == 1 and placed >= 4:
            placed -= 1  # no lone block at the top of the next page
        first = Columns(self.items[:placed], self.count, self.gap, fill=True)
        rest = Columns(self.items[placed:], self.count, self.gap)
        return [first, rest]

    def draw(self) -> None:
        """Draw each column's blocks from the top."""
        col = self.col_width(self._width)
        for c, indices in enumerate(self._cols):
            x = c * (col + self.gap)
            y = self.height
            for i in indices:
                item = self.items[i]
                y -= item.getSpaceBefore()
                height = self._sizes[i] - item.getSpaceBefore() - item.getSpaceAfter()
                item.drawOn(self.canv, x, y - height)
                y -= height + item.getSpaceAfter()
