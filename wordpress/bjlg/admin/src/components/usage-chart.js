/**
 * A destination's usage as an SVG chart drawn here (no chart library: one line, one band and
 * two rules are less code than a library's configuration, and nothing to keep up to date):
 * the recorded samples, the forecast from the last one with its interval (the growth's low and
 * high bounds, a band), the threshold and the quota. The chart is an image with a text
 * alternative; the same figures are written beside it for every reader.
 */
import { __, sprintf } from '@wordpress/i18n';
import { formatBytes } from '../format';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 72, right: 16, top: 12, bottom: 32 };
const DAY = 86400;
const MAX_AHEAD_DAYS = 365;
const MIN_AHEAD_DAYS = 30;

function day( seconds ) {
	return new Date( seconds * 1000 ).toISOString().slice( 0, 10 );
}

/**
 * Where the forecast ends: past the latest crossing of its interval, within a year.
 * @param {Object} forecast Forecast::project()'s array.
 * @param {number} last     The latest sample's time.
 */
function horizon( forecast, last ) {
	const crossing =
		forecast.threshold_at_high ?? forecast.threshold_at ?? null;
	const ahead =
		crossing === null
			? MIN_AHEAD_DAYS * DAY
			: Math.max( crossing - last, MIN_AHEAD_DAYS * DAY ) * 1.1;
	return last + Math.min( ahead, MAX_AHEAD_DAYS * DAY );
}

export function UsageChart( { samples, forecast, name } ) {
	if ( ! samples.length ) {
		return null;
	}
	const id = `bjlg-chart-${ name.replace( /[^A-Za-z0-9_-]/g, '_' ) }`;
	const first = samples[ 0 ].at;
	const last = forecast?.current_at ?? samples[ samples.length - 1 ].at;
	const used = forecast?.current_used_bytes ?? samples[ samples.length - 1 ].used_bytes;
	const growth = forecast?.growth_bytes_per_day ?? null;
	const end = growth === null ? last : horizon( forecast, last );
	const at = ( days, rate ) => used + ( rate ?? 0 ) * days;
	const aheadDays = ( end - last ) / DAY;
	const top = Math.max(
		forecast?.quota_bytes ?? 0,
		...samples.map( ( s ) => s.used_bytes ),
		growth === null ? 0 : at( aheadDays, forecast.growth_bytes_per_day_high ?? growth )
	) * 1.05 || 1;
	const x = ( t ) =>
		PAD.left +
		( ( t - first ) / Math.max( end - first, 1 ) ) *
			( WIDTH - PAD.left - PAD.right );
	const y = ( b ) =>
		HEIGHT - PAD.bottom - ( b / top ) * ( HEIGHT - PAD.top - PAD.bottom );
	const point = ( t, b ) => `${ x( t ).toFixed( 1 ) },${ y( b ).toFixed( 1 ) }`;
	const line = samples.map( ( s ) => point( s.at, s.used_bytes ) ).join( ' ' );
	const band =
		growth === null
			? null
			: [
					point( last, used ),
					point( end, at( aheadDays, forecast.growth_bytes_per_day_high ?? growth ) ),
					point( end, at( aheadDays, forecast.growth_bytes_per_day_low ?? growth ) ),
			  ].join( ' ' );
	const rule = ( bytes, className ) =>
		bytes ? (
			<line
				className={ className }
				x1={ PAD.left }
				x2={ WIDTH - PAD.right }
				y1={ y( bytes ) }
				y2={ y( bytes ) }
			/>
		) : null;
	const summary = sprintf(
		/* translators: 1: destination name, 2: number of samples, 3: first day, 4: last day, 5: bytes used. */
		__(
			'Usage of %1$s: %2$d samples from %3$s to %4$s, %5$s used now; the forecast runs to the right of the last sample.',
			'bjlg'
		),
		name,
		samples.length,
		day( first ),
		day( samples[ samples.length - 1 ].at ),
		formatBytes( used )
	);
	// Text is written in HTML beside the drawing, not in the SVG: axe cannot decide the contrast
	// of text inside an image, and the legend reads the same in every size.
	const swatch = ( className ) => (
		<svg className="bjlg-chart-swatch" viewBox="0 0 24 12" aria-hidden="true">
			<line className={ className } x1="0" x2="24" y1="6" y2="6" />
		</svg>
	);
	return (
		<figure className="bjlg-chart-figure">
		<svg
			className="bjlg-chart"
			viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
			role="img"
			aria-labelledby={ `${ id }-title` }
			data-testid="bjlg-usage-chart"
		>
			<title id={ `${ id }-title` }>{ summary }</title>
			<line
				className="bjlg-chart__axis"
				x1={ PAD.left }
				x2={ PAD.left }
				y1={ PAD.top }
				y2={ HEIGHT - PAD.bottom }
			/>
			<line
				className="bjlg-chart__axis"
				x1={ PAD.left }
				x2={ WIDTH - PAD.right }
				y1={ HEIGHT - PAD.bottom }
				y2={ HEIGHT - PAD.bottom }
			/>
			{ rule( forecast?.quota_bytes, 'bjlg-chart__quota' ) }
			{ rule( forecast?.threshold_bytes, 'bjlg-chart__threshold' ) }
			{ band && (
				<polygon className="bjlg-chart__band" points={ band } />
			) }
			{ growth !== null && (
				<line
					className="bjlg-chart__forecast"
					x1={ x( last ) }
					y1={ y( used ) }
					x2={ x( end ) }
					y2={ y( at( aheadDays, growth ) ) }
				/>
			) }
			<polyline className="bjlg-chart__usage" points={ line } />
		</svg>
			<div className="bjlg-chart-dates">
				<span style={ { left: `${ ( 100 * PAD.left ) / WIDTH }%` } }>
					{ day( first ) }
				</span>
				{ end > last && (
					<span
						className="bjlg-chart-dates__last"
						style={ { left: `${ ( 100 * x( last ) ) / WIDTH }%` } }
					>
						{ day( last ) }
					</span>
				) }
				<span className="bjlg-chart-dates__end">{ day( end ) }</span>
			</div>
			<figcaption>
				<ul className="bjlg-chart-legend">
					<li>
						{ swatch( 'bjlg-chart__usage' ) }
						{ __( 'usage (samples)', 'bjlg' ) }
					</li>
					{ growth !== null && (
						<li>
							{ swatch( 'bjlg-chart__forecast' ) }
							{ __( 'forecast, with its interval shaded', 'bjlg' ) }
						</li>
					) }
					{ forecast?.threshold_bytes ? (
						<li>
							{ swatch( 'bjlg-chart__threshold' ) }
							{ sprintf(
								/* translators: %s: bytes. */
								__( 'threshold: %s', 'bjlg' ),
								formatBytes( forecast.threshold_bytes )
							) }
						</li>
					) : null }
					{ forecast?.quota_bytes ? (
						<li>
							{ swatch( 'bjlg-chart__quota' ) }
							{ sprintf(
								/* translators: %s: bytes. */
								__( 'quota: %s', 'bjlg' ),
								formatBytes( forecast.quota_bytes )
							) }
						</li>
					) : null }
				</ul>
			</figcaption>
		</figure>
	);
}
