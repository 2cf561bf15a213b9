/* Bjlg\Sla\Report::render() over src/sla/report.h: report data in, a page or a file's text out. */
#include "sla/report.h"  /* before the PHP headers: they redefine snprintf */
#include "common/time.h"
#include "json_zval.h"
#include "sla_args.h"
#include "sla_exception.h"

#include "sla_report_arginfo.h"

ZEND_METHOD(Bjlg_Sla_Report, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Sla_Report, render) {
  HashTable *data;
  zend_string *format = nullptr;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_ARRAY_HT(data)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(format)
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    bjlg::Result<bjlg::sla::ReportFormat> f =
        bjlg::sla::ParseReportFormat(format ? std::string(ZSTR_VAL(format), ZSTR_LEN(format)) : "html");
    if (!f.ok()) {
      zend_argument_value_error(2, "must be \"html\", \"json\" or \"csv\"");
      return;
    }
    const BjlgOptions opts(options_ht, 3);
    bjlg::sla::ReportOptions o;
    o.now = bjlg::NowUnixSeconds();
    if (!opts.only({"locale", "timezone", "now"}) || !opts.get_string("locale", &o.locale) ||
        !opts.get_string("timezone", &o.timezone) || !bjlg_sla_now_option(opts, &o.now)) {
      return;
    }
    if (bjlg::Status s = o.Validate(); !s.ok()) {
      opts.refuse(bjlg_sla_kinds, s);
      return;
    }
    nlohmann::json sections;
    if (!bjlg_sla_array_arg(data, 1, &sections)) return;
    if (sections.is_array() && sections.empty()) sections = nlohmann::json::object();
    bjlg::Result<std::string> r = bjlg::sla::RenderReport(sections, *f, o);
    if (!r.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, r.status());
      return;
    }
    RETVAL_STRINGL(r->data(), r->size());
  });
}

void bjlg_register_sla_report(void) { register_class_Bjlg_Sla_Report(); }
