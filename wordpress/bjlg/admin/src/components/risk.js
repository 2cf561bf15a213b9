/**
 * A forecast's risk level (Bjlg\Sla\Forecast: days to the threshold against the risk bands) in
 * words, never by colour alone.
 */
import { __ } from '@wordpress/i18n';

/** The levels that put a destination "at risk" on the overview. */
export const AT_RISK = [ 'critical', 'warning', 'watch' ];

export function riskLabel( level ) {
	switch ( level ) {
		case 'critical':
			return __( 'critical: threshold within 7 days', 'bjlg' );
		case 'warning':
			return __( 'warning: threshold within 30 days', 'bjlg' );
		case 'watch':
			return __( 'watch: threshold within 90 days', 'bjlg' );
		case 'ok':
			return __( 'ok', 'bjlg' );
	}
	return __( 'unknown: not enough samples or no quota', 'bjlg' );
}
