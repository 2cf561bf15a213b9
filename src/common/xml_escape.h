// Text for XML and HTML: the one escaper of every report and chart bjlg writes.
#ifndef BJLG_COMMON_XML_ESCAPE_H_
#define BJLG_COMMON_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace bjlg {

// `text` as XML 1.0 / HTML character data or attribute value: & < > " ' as entities, control
// characters other than tab and newline (not allowed in XML 1.0) as spaces.
std::string XmlEscape(std::string_view text);

}  // namespace bjlg

#endif  // BJLG_COMMON_XML_ESCAPE_H_
