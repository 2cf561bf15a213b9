/**
 * What a verification found (POST /backups/{name}/verify's summary): how much was read, whether
 * the archive is still the one recorded when it was written, and each problem with its check's
 * name, so that "failed" comes with its evidence.
 */
import { __, sprintf } from '@wordpress/i18n';
import { formatBytes } from '../format';

function checksumSentence( matches ) {
	if ( matches === null || matches === undefined ) {
		return __( 'no checksum was recorded when it was written', 'bjlg' );
	}
	return matches
		? __( 'the same as when it was written', 'bjlg' )
		: __( 'not the one recorded when it was written', 'bjlg' );
}

export function VerificationReport( { summary } ) {
	return (
		<div className="bjlg-report">
			<p>
				{ sprintf(
					/* translators: 1: checks, 2: archive entries, 3: size read, 4: seconds. */
					__(
						'%1$d checks, %2$d entries, %3$s read in %4$s s.',
						'bjlg'
					),
					summary.checks,
					summary.entries,
					formatBytes( summary.bytes ),
					summary.duration ?? '—'
				) }
			</p>
			<p>
				{ sprintf(
					/* translators: %s: whether the archive's SHA-256 matches the history. */
					__( 'SHA-256: %s.', 'bjlg' ),
					checksumSentence( summary.checksum_matches_history )
				) }
			</p>
			{ summary.problems.length > 0 && (
				<ul className="bjlg-report__problems">
					{ summary.problems.map( ( problem ) => (
						<li key={ problem.name }>
							<strong>{ problem.name }</strong> (
							{ problem.status }): { problem.message }
						</li>
					) ) }
				</ul>
			) }
			{ summary.not_checked.length > 0 && (
				<p>
					{ sprintf(
						/* translators: %s: names of the checks that did not run. */
						__( 'Not checked: %s.', 'bjlg' ),
						summary.not_checked.join( ', ' )
					) }
				</p>
			) }
		</div>
	);
}
