#include "glue.h"

extern "C" {
#include "zend_exceptions.h"
}

void bjlg_throw(zend_class_entry *ce, const std::string &message) {
  zend_throw_exception(ce, message.c_str(), 0);
}

void bjlg_throw_status(zend_class_entry *ce, const bjlg::Status &status) {
  bjlg_throw(ce, status.message());
}
