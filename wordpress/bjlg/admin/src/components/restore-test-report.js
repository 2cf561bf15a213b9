/**
 * What a restore test found (its summary: GET /backups/{name}/restore-test, or a finished job's
 * result): each check with its status and message, the RTO measured, the age of the data (RPO),
 * whether the dump was imported, so that "failed" comes with its evidence.
 */
import { __, sprintf } from '@wordpress/i18n';
import { formatTime } from '../format';
import { outcomeLabel } from './verification-status';

/**
 * Seconds in words: "42.0 s", "3.5 min", "2.1 h", "1.5 days".
 * @param {number|null} seconds A duration.
 */
export function formatDuration( seconds ) {
	if ( seconds === null || seconds === undefined ) {
		return '—';
	}
	if ( seconds < 120 ) {
		/* translators: %s: a number of seconds. */
		return sprintf( __( '%s s', 'bjlg' ), Number( seconds ).toFixed( 1 ) );
	}
	if ( seconds < 7200 ) {
		/* translators: %s: a number of minutes. */
		return sprintf( __( '%s min', 'bjlg' ), ( seconds / 60 ).toFixed( 1 ) );
	}
	if ( seconds < 172800 ) {
		/* translators: %s: a number of hours. */
		return sprintf( __( '%s h', 'bjlg' ), ( seconds / 3600 ).toFixed( 1 ) );
	}
	/* translators: %s: a number of days. */
	return sprintf( __( '%s days', 'bjlg' ), ( seconds / 86400 ).toFixed( 1 ) );
}

function checkStatus( status ) {
	return status === 'skipped'
		? __( 'skipped', 'bjlg' )
		: outcomeLabel( status );
}

export function RestoreTestReport( { summary } ) {
	return (
		<div className="bjlg-report bjlg-restore-report">
			<p>
				{ sprintf(
					/* translators: 1: restore time (RTO), 2: age of the data restored (RPO). */
					__(
						'Restored in %1$s (RTO); data %2$s old when tested (RPO).',
						'bjlg'
					),
					formatDuration( summary.rto_seconds ),
					formatDuration( summary.rpo_seconds )
				) }
			</p>
			<p>
				{ summary.with_database
					? __(
							'The database dump was imported into a throwaway MariaDB.',
							'bjlg'
						)
					: __( 'The database dump was not imported.', 'bjlg' ) }
			</p>
			{ summary.finished_at && (
				<p>
					{ sprintf(
						/* translators: %s: date and time. */
						__( 'Tested %s.', 'bjlg' ),
						formatTime( summary.finished_at )
					) }
				</p>
			) }
			<ul className="bjlg-report__checks">
				{ summary.checks.map( ( check ) => (
					<li key={ check.name }>
						<strong>{ check.name }</strong> (
						{ checkStatus( check.status ) }): { check.message }
					</li>
				) ) }
			</ul>
		</div>
	);
}
