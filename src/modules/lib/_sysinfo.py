"""The structured parts of `sys` (version_info, implementation, flags,
float_info, int_info, hash_info), installed into the native `sys` module."""


def _struct_seq(name, fields, module="sys"):
    # A tuple with named fields, printed as CPython's struct sequences.
    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"{module}.{name}({inner})"

    ns = {"__new__": __new__, "__repr__": __repr__, "__slots__": (),
          "n_fields": len(fields), "n_sequence_fields": len(fields),
          "_fields": fields}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    cls = type(name, (tuple,), ns)
    cls.__module__ = module
    return cls


class _Namespace:
    # `sys.implementation`: a SimpleNamespace-like record.
    def __init__(self, **kw):
        self.__dict__.update(kw)
        for k, v in kw.items():
            setattr(self, k, v)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"namespace({inner})"


def install(sys):
    version_info = _struct_seq(
        "version_info", ("major", "minor", "micro", "releaselevel", "serial"))
    sys.version_info = version_info((3, 13, 0, "final", 0))
    sys.implementation = _Namespace(
        name="aio", cache_tag=None, version=sys.version_info,
        hexversion=sys.hexversion, _multiarch="x86_64-linux-gnu")
    flags = _struct_seq("flags", (
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose",
        "bytes_warning", "quiet", "hash_randomization", "isolated",
        "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
        "int_max_str_digits"))
    sys.flags = flags((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0,
                       False, 4300))
    float_info = _struct_seq("float_info", (
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
        "dig", "mant_dig", "epsilon", "radix", "rounds"))
    sys.float_info = float_info((1.7976931348623157e+308, 1024, 308,
                                 2.2250738585072014e-308, -1021, -307, 15, 53,
                                 2.220446049250313e-16, 2, 1))
    int_info = _struct_seq("int_info", (
        "bits_per_digit", "sizeof_digit", "default_max_str_digits",
        "str_digits_check_threshold"))
    sys.int_info = int_info((30, 4, 4300, 640))
    hash_info = _struct_seq("hash_info", (
        "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
        "seed_bits", "cutoff"))
    sys.hash_info = hash_info((64, 2305843009213693951, 314159, 0, 1000003,
                               "siphash13", 64, 128, 0))
