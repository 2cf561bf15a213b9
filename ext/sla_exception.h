/* Bjlg\Sla exceptions. */
#ifndef BJLG_SLA_EXCEPTION_H
#define BJLG_SLA_EXCEPTION_H

#include "glue.h"

/* InvalidArgument (a sample, event or run refused) is InvalidInputException; NotFound,
 * PermissionDenied and IOError are IOException; Corruption is CorruptHistoryException;
 * Cancelled is CancelledException. */
extern BjlgExceptionKinds bjlg_sla_kinds;

#endif /* BJLG_SLA_EXCEPTION_H */
