// XmlStream: a streaming XML reader over expat, for listings that must not be held in memory.
//
// Feed() takes the body chunk by chunk as it arrives; the handler is called at the end of every
// element with the path of local names from the root ("ListBucketResult/Contents/Size") and the
// element's own text. Namespaces are dropped (only local names are kept). Text longer than
// kMaxText is cut: the values collectors read (sizes, tokens, markers) are short. A document
// nested deeper than bjlg::kMaxNestingDepth elements is refused: the answers we read nest a few
// levels, and the path of a deeper one would only grow.
#ifndef BJLG_QUOTA_XML_STREAM_H_
#define BJLG_QUOTA_XML_STREAM_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bjlg::quota {

class XmlStream {
 public:
  static constexpr size_t kMaxText = 4096;
  using EndHandler = std::function<void(const std::string& path, const std::string& text)>;

  explicit XmlStream(EndHandler on_end);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Returns false once the document is malformed; error() says where.
  bool Feed(std::string_view chunk);
  // Ends the document: false when it was incomplete or malformed.
  bool Finish();
  const std::string& error() const { return error_; }

 private:
  static void OnStart(void* self, const char* name, const char** attributes);
  static void OnEnd(void* self, const char* name);
  static void OnText(void* self, const char* text, int length);
  bool Check(int status);

  void* parser_;  // XML_Parser
  EndHandler on_end_;
  std::vector<size_t> lengths_;  // path_ length before each open element
  std::string path_;
  std::string text_;
  std::string error_;
};

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_XML_STREAM_H_
