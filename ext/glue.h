/* Helpers shared by the glue files: turning core failures into PHP exceptions, and keeping C++
 * exceptions from ever unwinding through a Zend frame. */
#ifndef BJLG_GLUE_H
#define BJLG_GLUE_H

#include <exception>
#include <new>
#include <string>

#include "php_bjlg.h"
#include "common/status.h"

/* Throws `ce` with `message`; the message is copied. */
void bjlg_throw(zend_class_entry *ce, const std::string &message);

/* Throws the exception matching a failed core status, under `ce`. REQUIRES: !status.ok() */
void bjlg_throw_status(zend_class_entry *ce, const bjlg::Status &status);

/* Calls a user's progress callable with `arg` (an array the caller built; released here).
 * False when the operation must stop: the callable returned false, threw, or bailed out
 * (exit() or a fatal error: then *bailout is set, and the caller unwinds without calling PHP
 * again before returning to the engine). */
bool bjlg_call_progress(zval *callable, zval *arg, bool *bailout);

/* The `progress` option of one call: the callable (none until set), and whether calling it
 * bailed out, so that the method can zend_bailout() once it is back in its own frame. */
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
  bool bailed_out() const { return bailout_; }

 private:
  zval callable_;
  bool bailout_ = false;
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

#endif /* BJLG_GLUE_H */
