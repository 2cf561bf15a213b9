/**
 * An archive's last verification in words (GET /backups' `verification`), never by colour
 * alone: passed, failed, inconclusive, could not run, or not verified.
 */
import { __ } from '@wordpress/i18n';
import { formatTime } from '../format';

export function verificationLabel( verification ) {
	switch ( verification?.status ) {
		case 'passed':
			return __( 'Verified', 'bjlg' );
		case 'failed':
			return __( 'Verification failed', 'bjlg' );
		case 'inconclusive':
			return __( 'Verification inconclusive', 'bjlg' );
		case 'error':
			return __( 'Verification could not run', 'bjlg' );
	}
	return __( 'Not verified', 'bjlg' );
}

/**
 * A verification summary's `status` (POST /backups/{name}/verify) in the reader's language.
 * @param {string} status passed, failed or inconclusive.
 */
export function outcomeLabel( status ) {
	switch ( status ) {
		case 'passed':
			return __( 'passed', 'bjlg' );
		case 'failed':
			return __( 'failed', 'bjlg' );
		case 'inconclusive':
			return __( 'inconclusive', 'bjlg' );
	}
	return status;
}

export function VerificationStatus( { verification } ) {
	const status = verification?.status || 'none';
	return (
		<span className={ `bjlg-verification bjlg-verification--${ status }` }>
			{ verificationLabel( verification ) }
			{ verification?.verified_at && (
				<span className="bjlg-verification__when">
					{ ' ' }
					{ formatTime( verification.verified_at ) }
				</span>
			) }
		</span>
	);
}
