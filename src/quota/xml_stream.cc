#include "quota/xml_stream.h"

#include <expat.h>

#include <cstring>

#include "common/parse_limits.h"

namespace bjlg::quota {

XmlStream::XmlStream(EndHandler on_end) : on_end_(std::move(on_end)) {
  XML_Parser p = XML_ParserCreateNS(nullptr, '|');
  parser_ = p;
  if (p == nullptr) {
    error_ = "cannot create an XML parser";
    return;
  }
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, &XmlStream::OnStart, &XmlStream::OnEnd);
  XML_SetCharacterDataHandler(p, &XmlStream::OnText);
}

XmlStream::~XmlStream() {
  if (parser_ != nullptr) XML_ParserFree(static_cast<XML_Parser>(parser_));
}

void XmlStream::OnStart(void* self, const char* name, const char**) {
  auto* x = static_cast<XmlStream*>(self);
  const char* local = std::strrchr(name, '|');
  local = local == nullptr ? name : local + 1;
  if (x->lengths_.size() >= static_cast<size_t>(kMaxNestingDepth)) {
    x->error_ = "XML " + DepthLimitMessage(kMaxNestingDepth);
    XML_StopParser(static_cast<XML_Parser>(x->parser_), XML_FALSE);
    return;
  }
  x->lengths_.push_back(x->path_.size());
  if (!x->path_.empty()) x->path_ += '/';
  x->path_ += local;
  x->text_.clear();
}

void XmlStream::OnEnd(void* self, const char*) {
  auto* x = static_cast<XmlStream*>(self);
  if (x->on_end_) x->on_end_(x->path_, x->text_);
  x->text_.clear();
  if (!x->lengths_.empty()) {
    x->path_.resize(x->lengths_.back());
    x->lengths_.pop_back();
  }
}

void XmlStream::OnText(void* self, const char* text, int length) {
  auto* x = static_cast<XmlStream*>(self);
  size_t room = kMaxText > x->text_.size() ? kMaxText - x->text_.size() : 0;
  x->text_.append(text, std::min<size_t>(room, static_cast<size_t>(length)));
}

bool XmlStream::Check(int status) {
  if (status == XML_STATUS_OK) return true;
  auto p = static_cast<XML_Parser>(parser_);
  if (error_.empty()) {
    error_ = std::string("malformed XML at line ") + std::to_string(XML_GetCurrentLineNumber(p)) + ": " +
             XML_ErrorString(XML_GetErrorCode(p));
  }
  return false;
}

bool XmlStream::Feed(std::string_view chunk) {
  if (!error_.empty() || parser_ == nullptr) return false;
  return Check(XML_Parse(static_cast<XML_Parser>(parser_), chunk.data(), static_cast<int>(chunk.size()), 0));
}

bool XmlStream::Finish() {
  if (!error_.empty() || parser_ == nullptr) return false;
  return Check(XML_Parse(static_cast<XML_Parser>(parser_), "", 0, 1));
}

}  // namespace bjlg::quota
