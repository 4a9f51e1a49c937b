"""Abstract Base Classes (ABCs) according to PEP 3119."""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""

    __isabstractmethod__ = True


# Bumped whenever any ABC's registry changes, so that the negative caches
# of every ABC know they may be stale.
_registry_generation = 0


def get_cache_token():
    """Returns the current ABC cache token."""
    return _registry_generation


def _is_abstract(value):
    return bool(getattr(value, "__isabstractmethod__", False))


def _collect_abstracts(cls, own_items):
    found = set()
    for name, value in own_items:
        if _is_abstract(value):
            found.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                found.add(name)
    return frozenset(found)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _collect_abstracts(cls, namespace.items())
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = _registry_generation
        # The direct subclasses made by this metaclass, for the subclass
        # walk in __subclasscheck__ (what type.__subclasses__() reports).
        cls._abc_children = []
        for base in bases:
            children = base.__dict__.get("_abc_children")
            if children is not None:
                children.append(cls)
        return cls

    # Like CPython's type.__abstractmethods__: each class has its own set,
    # never inherited from a base.
    @property
    def __abstractmethods__(cls):
        found = cls.__dict__.get('_abc_abstractmethods')
        if found is None:
            raise AttributeError('__abstractmethods__')
        return found

    @__abstractmethods__.setter
    def __abstractmethods__(cls, value):
        type.__setattr__(cls, '_abc_abstractmethods', frozenset(value))

    def __call__(cls, *args, **kwargs):
        missing = getattr(cls, "__abstractmethods__", None)
        if missing:
            names = sorted(missing)
            listed = ", ".join("'" + n + "'" for n in names)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} without an "
                f"implementation for abstract method{plural} {listed}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.
        """
        global _registry_generation
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        _registry_generation += 1
        return subclass

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for key in ("_abc_registry", "_abc_cache", "_abc_negative_cache",
                    "_abc_negative_cache_version"):
            print(f"{key}: {getattr(cls, key)!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        klass = getattr(instance, "__class__", None)
        if klass is not None and klass in cls._abc_cache:
            return True
        actual = type(instance)
        if klass is None or klass is actual:
            if (cls._abc_negative_cache_version == _registry_generation
                    and actual in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(actual)
        return cls.__subclasscheck__(klass) or cls.__subclasscheck__(actual)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version != _registry_generation:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = _registry_generation
        elif subclass in cls._abc_negative_cache:
            return False
        hook = getattr(cls, "__subclasshook__", None)
        verdict = NotImplemented if hook is None else hook(subclass)
        if verdict is not NotImplemented:
            if verdict:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return verdict
        if cls in getattr(subclass, "__mro__", ()):
            cls._abc_cache.add(subclass)
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                cls._abc_cache.add(subclass)
                return True
        for child in cls.__dict__.get("_abc_children", ()):
            if issubclass(subclass, child):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    Returns cls, to allow usage as a class decorator.
    """
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _collect_abstracts(cls, cls.__dict__.items())
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()
