/* Helpers shared by the glue files, the one place for each conversion every class needs:
 *  - core Status -> PHP exception, through a per-namespace table of exception classes
 *    (BjlgExceptionKinds, bjlg_throw_status);
 *  - PHP option arrays -> C++ values (BjlgOptions), with the one wording of TypeError/ValueError;
 *  - the `progress` option: a callable receiving the bjlg::Progress record as an array
 *    (BjlgProgressOption), and the one cancellation rule;
 *  - keeping C++ exceptions from ever unwinding through a Zend frame (bjlg_guard).
 * See "Conventions for every capability" in docs/architecture.md. */
#ifndef BJLG_GLUE_H
#define BJLG_GLUE_H

#include <exception>
#include <initializer_list>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/status.h"
#include "php_bjlg.h"

/* Drops the argument values of every frame of the backtrace of `obj` (an exception). */
void bjlg_scrub_trace(zend_object *obj);

/* bjlg_scrub_trace() on the pending exception, whatever its class (a ValueError raised while a
 * secret was on the call stack, a progress callable's own exception leaving a bjlg method), and
 * on its previous ones. */
void bjlg_scrub_pending_exception(void);

/* Declared first in a method whose caller may hold a secret on the stack (a Key, a password, a
 * destination's credentials): scrubs whatever exception the method leaves, of any class. */
struct BjlgScrubOnExit {
  ~BjlgScrubOnExit() { bjlg_scrub_pending_exception(); }
};

/* The create_object handler of every Bjlg\ exception class (installed on all of them at the end
 * of MINIT): like ext/sodium's, a bjlg exception never keeps an argument of any frame, so a key,
 * a password or a credential passed anywhere down the call stack never shows in getTrace(),
 * getTraceAsString(), (string)$e or a log, even with zend.exception_ignore_args=0. */
void bjlg_scrub_all_exception_traces(void);

/* Throws `ce` with `message`; the message is copied. */
void bjlg_throw(zend_class_entry *ce, const std::string &message);

/* The exception classes of one namespace, one per kind of failure. Each must derive from the
 * Bjlg\ class of its kind (Bjlg\IOException, …) and implement the namespace's marker interface.
 * A null entry throws the Bjlg\ kind itself (`invalid`: a ValueError, as php-src does). */
struct BjlgExceptionKinds {
  zend_class_entry *io = nullptr;           /* NotFound, PermissionDenied, IOError */
  zend_class_entry *corrupt = nullptr;      /* Corruption */
  zend_class_entry *truncated = nullptr;    /* Corruption that IsTruncated(); null: `corrupt` */
  zend_class_entry *wrong_key = nullptr;    /* Unauthenticated */
  zend_class_entry *cancelled = nullptr;    /* Cancelled */
  zend_class_entry *unsupported = nullptr;  /* NotSupported */
  zend_class_entry *network = nullptr;      /* Network */
  zend_class_entry *invalid = nullptr;      /* InvalidArgument; null: ValueError */
};

/* The Bjlg\ kinds alone: for a namespace without classes of its own. */
extern const BjlgExceptionKinds bjlg_common_kinds;

/* THE mapping from a failed core status to a PHP exception: the class of its kind in `kinds`,
 * the status's message, and its error_code() in the `error_code` property. An exception already
 * pending (a progress callable's) becomes the new one's previous, its trace and its previous
 * ones' scrubbed of arguments as bjlg's own. REQUIRES: !status.ok() */
void bjlg_throw_status(const BjlgExceptionKinds &kinds, const bjlg::Status &status);

/* THE refusal of one option: a Bjlg\OptionError (a ValueError) worded as php-src words argument
 * `arg`'s errors ("Class::method(): Argument #2 ($options) <reason>"; no prefix when arg is 0),
 * with `option` and `reason` set for callers that must not read the message. */
void bjlg_throw_option_error(uint32_t arg, const std::string &option, const std::string &reason);
/* The same with the reason formatted as zend_argument_value_error() formats its message. */
void bjlg_throw_option_errorf(uint32_t arg, const char *option, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);

/* Calls a user's progress callable with `arg` (an array the caller built; released here).
 * False when the operation must stop: the callable returned false, threw, or bailed out
 * (exit() or a fatal error: then *bailout is set, and the caller unwinds without calling PHP
 * again before returning to the engine). */
bool bjlg_call_progress(zval *callable, zval *arg, bool *bailout);

/* The PHP array of a progress record: ['phase', 'done', 'total', 'unit', 'current', 'elapsed',
 * 'phase_index', 'phases']. */
void bjlg_progress_to_array(const bjlg::Progress &p, zval *out);

/* The `progress` option of one call: the callable (none until set), and whether calling it
 * bailed out, so that the method can zend_bailout() once it is back in its own frame.
 * The rule: the callable receives bjlg_progress_to_array()'s array; returning false or throwing
 * cancels; the core then returns Status::Cancelled and bjlg_throw_status() throws the
 * namespace's CancelledException (with the callable's exception as previous). */
class BjlgProgressOption {
 public:
  BjlgProgressOption() { ZVAL_UNDEF(&callable_); }
  ~BjlgProgressOption() { zval_ptr_dtor(&callable_); }
  BjlgProgressOption(const BjlgProgressOption &) = delete;
  BjlgProgressOption &operator=(const BjlgProgressOption &) = delete;

  /* Keeps `value`; a TypeError naming option "progress" of argument `arg`, and false, when it
   * is not callable. */
  bool set(zval *value, uint32_t arg);
  bool empty() const { return Z_ISUNDEF(callable_); }
  /* bjlg_call_progress() on the callable; false, without calling, after a bailout or while an
   * exception is pending. */
  bool call(zval *arg) { return bjlg_call_progress(&callable_, arg, &bailout_); }
  /* The core's callback: each record as an array to the callable. Null when no callable was set.
   * Lives as long as this object. */
  bjlg::ProgressFn fn();
  bool bailed_out() const { return bailout_; }
  /* A bailout met elsewhere in the same operation (reading a PHP stream). */
  void set_bailed_out() { bailout_ = true; }
  /* The callable itself, for a get_gc handler: the object that keeps this must report it. */
  zval *callable() { return &callable_; }

 private:
  zval callable_;
  bool bailout_ = false;
};

/* The options array of one method call (argument `arg`, possibly absent), read with typed
 * getters. Every error is worded the one way php-src words an array argument's entries:
 *   TypeError  'Argument #2 ($options) option "threads" must be of type int, string given'
 *   ValueError 'Argument #2 ($options) contains an unknown option "thread"'
 * Getters leave *out untouched when the option is absent (or null), and return false after
 * throwing. Ranges and combinations are checked by the core's options struct (Validate()), whose
 * InvalidArgument message names the option: refuse() throws it as the ValueError of `arg`. */
class BjlgOptions {
 public:
  BjlgOptions(HashTable *options, uint32_t arg) : options_(options), arg_(arg) {}

  /* Refuses integer keys and any name not in `known`. Call once, first. */
  bool only(const std::vector<const char *> &known) const;
  /* The value of option `name`, dereferenced; null when absent or null. */
  zval *find(const char *name) const;
  bool has(const char *name) const { return find(name) != nullptr; }

  bool get_bool(const char *name, bool *out) const;
  /* An int; values beyond T saturate to its limits, so that the core's range check refuses
   * them with its own message. */
  template <typename T>
  bool get_int(const char *name, T *out) const {
    zend_long v;
    if (!get_long(name, &v)) return false;
    if (has(name)) *out = saturate<T>(v);
    return true;
  }
  bool get_long(const char *name, zend_long *out) const;
  /* A float (an int is accepted). */
  bool get_double(const char *name, double *out) const;
  bool get_string(const char *name, std::string *out) const;
  /* A non-empty string without NUL bytes. */
  bool get_path(const char *name, std::string *out) const;
  /* A list of strings (keys 0, 1, 2...: a map is refused, its keys would be dropped). */
  bool get_string_list(const char *name, std::vector<std::string> *out) const;
  bool get_progress(const char *name, BjlgProgressOption *out) const;
  /* An instance of `ce`. */
  bool get_object(const char *name, zend_class_entry *ce, zend_object **out) const;

  /* TypeError: option "name" must be of type <expected>, <type of given> given. */
  void type_error(const char *name, const char *expected, zval *given) const;
  /* ValueError: option "name" <message>. */
  void value_error(const char *name, const std::string &message) const;
  /* A core options struct refused the options: InvalidArgument is the ValueError of this
   * argument (its message names the option); anything else goes to bjlg_throw_status(). */
  void refuse(const BjlgExceptionKinds &kinds, const bjlg::Status &status) const;

  uint32_t arg() const { return arg_; }

 private:
  template <typename T>
  static T saturate(zend_long v) {
    if constexpr (std::numeric_limits<T>::is_signed) {
      /* A negative value stays negative: compared as unsigned it would pass for a huge one. */
      if (v < static_cast<zend_long>(std::numeric_limits<T>::min())) return std::numeric_limits<T>::min();
      if (v > static_cast<zend_long>(std::numeric_limits<T>::max())) return std::numeric_limits<T>::max();
      return static_cast<T>(v);
    } else {
      if (v < 0) return std::numeric_limits<T>::max();  // refused by the range check as "too large"
      if (static_cast<unsigned long long>(v) > static_cast<unsigned long long>(std::numeric_limits<T>::max())) {
        return std::numeric_limits<T>::max();
      }
      return static_cast<T>(v);
    }
  }

  HashTable *options_;
  uint32_t arg_;
};

/* Runs `body`, converting any C++ exception it lets escape into a Bjlg\Exception, so that no
 * C++ exception crosses into the engine. Returns false when it threw. */
template <typename Body>
bool bjlg_guard(Body &&body) {
  try {
    body();
    return true;
  } catch (const std::bad_alloc &) {
    bjlg_throw(bjlg_ce_Exception, "bjlg: out of memory");
  } catch (const std::exception &e) {
    bjlg_throw(bjlg_ce_Exception, std::string("bjlg: internal error: ") + e.what());
  } catch (...) {
    bjlg_throw(bjlg_ce_Exception, "bjlg: internal error");
  }
  return false;
}

/* The body of every method whose one argument is a file to load (loadConfig, loadPolicy,
 * loadDestinations): the path, non-empty and without NUL bytes (a ValueError otherwise), given
 * to `body` under bjlg_guard. */
template <typename Body>
void bjlg_load_path_method(zend_execute_data *execute_data, Body &&body) {
  char *path;
  size_t path_len;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_PATH(path, path_len)
  ZEND_PARSE_PARAMETERS_END();
  if (path_len == 0) {
    zend_argument_value_error(1, "must not be empty");
    return;
  }
  bjlg_guard([&] { body(std::string(path, path_len)); });
}

#endif /* BJLG_GLUE_H */
