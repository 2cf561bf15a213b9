#include "database/splitter.h"

#include <cctype>
#include <cstring>

namespace bjlg::database {

void Splitter::Feed(std::string_view data) {
  in_.erase(0, pos_);
  pos_ = 0;
  in_.append(data.data(), data.size());
}

void Splitter::Append(char c) {
  if (current_.empty()) {
    if (isspace(static_cast<unsigned char>(c))) return;  // leading spaces are not kept
    start_line_ = line_;
  }
  current_.push_back(c);
}

bool Splitter::EndsWithDelimiter() const {
  const size_t n = delimiter_.size();
  return current_.size() >= n && current_.compare(current_.size() - n, n, delimiter_) == 0;
}

int Splitter::TryDelimiterLine() {
  static const char kWord[] = "delimiter";
  const size_t avail = in_.size() - pos_;
  for (size_t k = 0; k < 9; ++k) {
    if (k >= avail) return finished_ ? -1 : 0;
    if (tolower(static_cast<unsigned char>(in_[pos_ + k])) != kWord[k]) return -1;
  }
  if (avail == 9) return finished_ ? -1 : 0;
  if (in_[pos_ + 9] != ' ' && in_[pos_ + 9] != '\t') return -1;
  size_t eol = in_.find('\n', pos_);
  if (eol == std::string::npos) {
    if (!finished_) return 0;
    eol = in_.size();
  }
  size_t a = pos_ + 10;
  while (a < eol && isspace(static_cast<unsigned char>(in_[a]))) ++a;
  size_t b = a;
  while (b < eol && !isspace(static_cast<unsigned char>(in_[b]))) ++b;
  if (b == a) return -1;
  delimiter_ = in_.substr(a, b - a);
  pos_ = eol;  // the newline itself is read as code (a space)
  return 1;
}

bool Splitter::Emit(size_t cut, Statement* out) {
  current_.resize(current_.size() - cut);
  // Comments and spaces before the delimiter only: nothing to run.
  if (code_at_ >= current_.size()) current_.clear();
  while (!current_.empty() && isspace(static_cast<unsigned char>(current_.back()))) current_.pop_back();
  out->sql = std::move(current_);
  out->line = start_line_;
  current_.clear();
  has_code_ = false;
  return !out->sql.empty();
}

Result<bool> Splitter::Next(Statement* out) {
  for (;;) {
    if (pos_ >= in_.size()) {
      in_.clear();
      pos_ = 0;
      if (!finished_) return false;
      if (state_ == State::kSingle || state_ == State::kDouble || state_ == State::kBacktick) {
        return Status::Truncated("the dump ends inside a quoted text that starts at line " + std::to_string(quote_line_));
      }
      if (!has_code_) return false;
      if (line_mode_) {  // the last line's ';', if any
        while (!current_.empty() && isspace(static_cast<unsigned char>(current_.back()))) current_.pop_back();
        if (!current_.empty() && current_.back() == ';') current_.pop_back();
      }
      return Emit(0, out);
    }
    const char c = in_[pos_];
    // Lookahead of `n` more bytes is possible, or the input is complete.
    auto have = [&](size_t n) { return pos_ + n < in_.size() || finished_; };
    auto at = [&](size_t n) { return pos_ + n < in_.size() ? in_[pos_ + n] : '\0'; };
    switch (state_) {
      case State::kCode:
        if (line_mode_ && c == '\n' && has_code_) {
          size_t end = current_.size();
          while (end > 0 && isspace(static_cast<unsigned char>(current_[end - 1]))) --end;
          if (end > 0 && current_[end - 1] == ';') {
            const bool got = Emit(current_.size() - end + 1, out);
            ++line_;
            line_start_ = true;
            ++pos_;
            if (got) return true;
            continue;
          }
        }
        if (!line_mode_ && line_start_ && !has_code_ && (c == 'd' || c == 'D')) {
          const int r = TryDelimiterLine();
          if (r == 1) continue;
          if (r == 0) return false;
        }
        if (c == '-') {
          if (!have(1) || (at(1) == '-' && !have(2))) return false;
          if (at(1) == '-' && (pos_ + 2 >= in_.size() || static_cast<unsigned char>(at(2)) <= ' ')) {
            state_ = State::kLineComment;
            ++pos_;
            continue;
          }
        } else if (c == '#') {
          state_ = State::kLineComment;
          ++pos_;
          continue;
        } else if (c == '/') {
          if (!have(1) || (at(1) == '*' && !have(2))) return false;
          if (at(1) == '*') {
            state_ = State::kBlockComment;
            const bool executable = at(2) == '!' || (at(2) == 'M' && at(3) == '!');
            if (executable && !has_code_) {
              has_code_ = true;
              code_at_ = current_.size();
            }
            Append('/');
            Append('*');
            comment_body_ = 0;
            pos_ += 2;
            continue;
          }
        } else if (c == '\'' || c == '"' || c == '`') {
          state_ = c == '\'' ? State::kSingle : c == '"' ? State::kDouble : State::kBacktick;
          quote_line_ = line_;
        }
        if (c == '\n') {
          ++line_;
          line_start_ = true;
        } else if (!isspace(static_cast<unsigned char>(c))) {
          line_start_ = false;
          if (!has_code_) code_at_ = current_.size();
          has_code_ = true;
        }
        Append(c);
        ++pos_;
        if (!line_mode_ && has_code_ && EndsWithDelimiter()) {
          state_ = State::kCode;  // a quote that ends the delimiter (DELIMITER ;;") opens no text
          if (Emit(delimiter_.size(), out)) return true;
        }
        break;
      case State::kSingle:
      case State::kDouble:
      case State::kBacktick: {
        // Copy the run of ordinary characters at once: rows are mostly inside quotes.
        const char quote = state_ == State::kSingle ? '\'' : state_ == State::kDouble ? '"' : '`';
        if (!escaped_) {
          size_t e = pos_;
          const char stops[4] = {quote, '\\', '\n', '\0'};
          while (e < in_.size() && in_[e] != stops[0] && in_[e] != stops[1] && in_[e] != stops[2]) ++e;
          if (e > pos_) {
            current_.append(in_, pos_, e - pos_);
            pos_ = e;
            break;
          }
        }
        if (c == '\n') {
          ++line_;
        }
        current_.push_back(c);
        ++pos_;
        if (escaped_) {
          escaped_ = false;
        } else if (c == '\\' && quote != '`') {
          escaped_ = true;
        } else if (c == quote) {
          state_ = State::kCode;  // a doubled quote reopens at once: the same cut points
          line_start_ = false;
        }
        break;
      }
      case State::kLineComment:
        if (c == '\n') {
          state_ = State::kCode;
          continue;  // the newline is read as code
        }
        ++pos_;
        break;
      case State::kBlockComment:
        if (c == '\n') ++line_;
        Append(c);
        ++pos_;
        // "/*/" is not a complete comment: the '*' must come after the opening "/*".
        if (c == '/' && ++comment_body_ >= 2 && current_[current_.size() - 2] == '*') state_ = State::kCode;
        if (c != '/') ++comment_body_;
        break;
    }
    if (current_.size() > max_) {
      return Status::Corruption("the statement at line " + std::to_string(start_line_) + " is larger than " +
                                std::to_string(max_) + " bytes");
    }
  }
}

}  // namespace bjlg::database
