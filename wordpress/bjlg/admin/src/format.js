/**
 * How the screens write sizes and times. Times are shown as the server sends them (ISO 8601 with
 * the site's offset, or UTC): converting to the browser's zone would show another clock than the
 * site's schedule uses.
 */
import { __, sprintf } from '@wordpress/i18n';

const UNITS = [ 'B', 'KiB', 'MiB', 'GiB', 'TiB' ];

export function formatBytes( bytes ) {
	if ( bytes === null || bytes === undefined ) {
		return '—';
	}
	let value = Number( bytes );
	let unit = 0;
	while ( value >= 1024 && unit < UNITS.length - 1 ) {
		value /= 1024;
		unit++;
	}
	return `${ unit ? value.toFixed( 1 ) : value } ${ UNITS[ unit ] }`;
}

/**
 * "2026-12-07T02:30:00+01:00" -> "2026-12-07 02:30 (UTC+01:00)".
 * @param {string} iso A time in ISO 8601.
 */
export function formatTime( iso ) {
	const match =
		/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d)?(Z|[+-]\d\d:\d\d)$/.exec(
			iso || ''
		);
	if ( ! match ) {
		return iso || '—';
	}
	const offset =
		match[ 3 ] === 'Z' || match[ 3 ] === '+00:00' ? '' : match[ 3 ];
	return sprintf(
		/* translators: 1: date, 2: time, 3: UTC offset such as +01:00 (empty for UTC). */
		__( '%1$s %2$s (UTC%3$s)', 'bjlg' ),
		match[ 1 ],
		match[ 2 ],
		offset
	);
}
