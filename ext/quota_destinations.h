/* Destinations from PHP, for every class that takes them (Bjlg\Quota\Collector,
 * Bjlg\Remote\Purge): a list of arrays converted to JSON and parsed by the core, which names the
 * offending key. A value of the wrong PHP type is a TypeError, any other refusal an
 * InvalidDestinationException. */
#ifndef BJLG_QUOTA_DESTINATIONS_H
#define BJLG_QUOTA_DESTINATIONS_H

#include <vector>

#include <nlohmann/json.hpp>  /* core headers before PHP's, whose snprintf macro they trip on */

#include "quota/destination.h"
#include "glue.h"

/* Parses `list` (argument `arg`, or its option `option` when not null) into *out. Throws and
 * returns false when refused. */
bool bjlg_destinations_from_php(HashTable *list, uint32_t arg, const char *option,
                                const bjlg::quota::ParseOptions &parse, std::vector<bjlg::quota::Destination> *out);

/* The destinations as a PHP list of arrays, as bjlg_destinations_from_php() reads them back. */
void bjlg_destinations_to_php(const std::vector<bjlg::quota::Destination> &destinations, zval *out);

#endif /* BJLG_QUOTA_DESTINATIONS_H */
