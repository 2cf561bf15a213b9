#include "archive/path_rules.h"

#include <catch2/catch.hpp>

#include "archive/filter.h"

using namespace bjlg::archive;

TEST_CASE("Entry names are relative UTF-8 paths without dot components", "[archive][names]") {
  for (const char* ok : {"a.txt", "wp-content/plugins/x/a..b.txt", "...", "a/.hidden", "caf\xc3\xa9"}) {
    INFO(ok);
    CHECK(CheckEntryName(ok).ok());
  }
  for (const char* bad : {"", "/a", "a/", "a//b", "./a", "a/./b", "../a", "a/..", "C:x", "a\\b", "bad\xff"}) {
    INFO(bad);
    CHECK_FALSE(CheckEntryName(bad).ok());
  }
  CHECK_FALSE(CheckEntryName(std::string("a\0b", 3)).ok());
}

TEST_CASE("Extraction names: `..` is refused as a component only", "[archive][names]") {
  CHECK(*SafeExtractName("./a/b.txt") == "a/b.txt");
  CHECK(*SafeExtractName("a\\b.txt") == "a/b.txt");
  CHECK(*SafeExtractName("jquery..min.js") == "jquery..min.js");
  CHECK(*SafeExtractName("dir/") == "dir/");
  for (const char* bad : {"../x", "a/../../x", "a\\..\\x", "/x", "\\x", "c:/x", "Z:x", "..", "./"}) {
    INFO(bad);
    CHECK(SafeExtractName(bad).status().code() == bjlg::Status::Code::kCorruption);
  }
}

TEST_CASE("UTF-8 validation refuses overlong forms, surrogates and truncation", "[archive][names]") {
  CHECK(IsValidUtf8("plain"));
  CHECK(IsValidUtf8("\xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  CHECK_FALSE(IsValidUtf8("\xe2\x82"));          // truncated
  CHECK_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST_CASE("IsUnder matches whole components", "[archive][names]") {
  CHECK(IsUnder("wp-content/plugins/a.php", "wp-content/plugins"));
  CHECK(IsUnder("wp-content/plugins", "wp-content/plugins/"));
  CHECK_FALSE(IsUnder("wp-content/plugins-old/a.php", "wp-content/plugins"));
  CHECK(IsUnder("anything", ""));
}

TEST_CASE("Filters follow the plugin: fnmatch on absolute paths, `*` crossing `/`", "[archive][filter]") {
  Filter defaults({}, {}, true);
  CHECK(defaults.Excluded("/var/www/wp-content/cache/page.html", ""));
  // As in the plugin, "*/cache/*" does not match the folder itself, only what is inside.
  CHECK_FALSE(defaults.Excluded("/var/www/wp-content/cache", ""));
  CHECK(defaults.Excluded("/srv/a/b/debug.log", ""));
  CHECK(defaults.Excluded("/srv/x/node_modules/y/z.js", ""));
  CHECK(defaults.Excluded("/srv/uploads/bjlg-backups/site-1/a.zip", ""));
  CHECK_FALSE(defaults.Excluded("/srv/uploads/photo.jpg", ""));

  Filter none({"*.tmp", "/srv/exact/path.txt", "*/[Bb]ackup?/*"}, {}, false);
  CHECK(none.Excluded("/srv/a/b/c.tmp", ""));
  CHECK(none.Excluded("/srv/exact/path.txt", ""));
  CHECK_FALSE(none.Excluded("/srv/exact/path.txt.bak", ""));
  CHECK(none.Excluded("/srv/Backup1/x", ""));
  CHECK_FALSE(none.Excluded("/srv/a/debug.log", ""));  // defaults off

  Filter include({}, {"uploads", "*.php"}, false);
  CHECK(include.Included("/srv/wp-content/uploads/a.jpg", "wp-content/uploads/a.jpg"));
  CHECK(include.Included("/srv/wp-content/plugins/a.php", "wp-content/plugins/a.php"));
  CHECK_FALSE(include.Included("/srv/wp-content/plugins/a.js", "wp-content/plugins/a.js"));
  CHECK(Filter({}, {}, false).Included("/any", "any"));
}

TEST_CASE("An exclude pattern starting with neither / nor * is relative to the backup: it matches entry names",
          "[archive][filter]") {
  Filter relative({"wp-content/uploads", "wp-content/plugins/*.zip"}, {}, false);
  CHECK(relative.Excluded("/var/www/wp-content/uploads", "wp-content/uploads"));  // the folder: not descended
  CHECK(relative.Excluded("/var/www/wp-content/plugins/old.zip", "wp-content/plugins/old.zip"));
  CHECK_FALSE(relative.Excluded("/var/www/wp-content/uploads-old", "wp-content/uploads-old"));
  CHECK_FALSE(relative.Excluded("/var/www/wp-content/plugins/a.php", "wp-content/plugins/a.php"));
  // Absolute and wildcard-first patterns keep the plugin's meaning: never matched on entry names.
  Filter plugin({"/wp-content/uploads", "*/cache/*"}, {}, false);
  CHECK_FALSE(plugin.Excluded("/var/www/wp-content/uploads", "wp-content/uploads"));
  CHECK_FALSE(plugin.Excluded("/var/www/cache", "cache/x"));
}
