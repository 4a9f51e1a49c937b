"""Topological sorting of graphs of hashable nodes (aio implementation of
CPython's graphlib)."""

from types import GenericAlias

__all__ = ["TopologicalSorter", "CycleError"]

# Besides a count of unfinished predecessors (>= 0), a node's state is one
# of these two markers once get_ready() has handed it out.
_PASSED_OUT = -1
_FINISHED = -2


class _Node:
    __slots__ = ("node", "npredecessors", "successors")

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0
        self.successors = []


class CycleError(ValueError):
    """Raised by TopologicalSorter.prepare when the graph has a cycle.

    args[1] is one of the cycles, as a list of nodes in which each node is
    an immediate predecessor of the next and the first node is repeated at
    the end."""
    pass


class TopologicalSorter:
    """Sorts a graph of hashable nodes topologically, all at once
    (static_order) or step by step (prepare, get_ready, done)."""

    def __init__(self, graph=None):
        self._node2info = {}
        self._ready_nodes = None
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._node2info.get(node)
        if info is None:
            info = self._node2info[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Add node with the given predecessors; repeated calls for the
        same node add up its dependencies."""
        if self._ready_nodes is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.npredecessors += len(predecessors)
        for pred in predecessors:
            self._info(pred).successors.append(node)

    def prepare(self):
        """Freeze the graph and look for a cycle (CycleError); the nodes
        not blocked by a cycle can still be processed afterwards."""
        if self._ready_nodes is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready_nodes = [info.node for info in self._node2info.values()
                             if info.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def _check_prepared(self):
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")

    def get_ready(self):
        """A tuple of the nodes whose predecessors are all done and that
        were not handed out yet (empty when none)."""
        self._check_prepared()
        ready = tuple(self._ready_nodes)
        infos = self._node2info
        for node in ready:
            infos[node].npredecessors = _PASSED_OUT
        self._ready_nodes.clear()
        self._npassedout += len(ready)
        return ready

    def is_active(self):
        """True while handed-out nodes are unfinished or ready nodes wait."""
        self._check_prepared()
        return self._nfinished < self._npassedout or bool(self._ready_nodes)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes returned by get_ready() as processed, which can make
        their successors ready."""
        self._check_prepared()
        infos = self._node2info
        for node in nodes:
            info = infos.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.npredecessors
            if state >= 0:
                raise ValueError(
                    f"node {node!r} was not passed out (still not ready)")
            if state == _FINISHED:
                raise ValueError(f"node {node!r} was already marked done")
            info.npredecessors = _FINISHED
            for successor in info.successors:
                succ = infos[successor]
                succ.npredecessors -= 1
                if succ.npredecessors == 0:
                    self._ready_nodes.append(successor)
            self._nfinished += 1

    def _find_cycle(self):
        """Depth-first search from each node in insertion order, following
        successors in the order they were added; the first edge back into
        the current path closes the reported cycle."""
        infos = self._node2info
        visited = set()
        for start in infos:
            if start in visited:
                continue
            visited.add(start)
            path = [start]
            on_path = {start: 0}
            # next successor index to try, per path entry
            cursors = [0]
            while path:
                succs = infos[path[-1]].successors
                i = cursors[-1]
                if i == len(succs):
                    del on_path[path.pop()]
                    cursors.pop()
                    continue
                cursors[-1] = i + 1
                nxt = succs[i]
                if nxt in on_path:
                    return path[on_path[nxt]:] + [nxt]
                if nxt in visited:
                    continue
                visited.add(nxt)
                on_path[nxt] = len(path)
                path.append(nxt)
                cursors.append(0)
        return None

    def static_order(self):
        """Yield the nodes in a topological order (calls prepare(); raises
        CycleError on a cycle)."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    __class_getitem__ = classmethod(GenericAlias)
