/**
 * A guardrail's evidence (Expression::check()'s `evidence`: runs, gaps, DST dates…) as a
 * definition list: the numbers that justify a warning must be readable, not only its sentence.
 */

/**
 * @param {*} value An evidence value: a scalar, a list or an object.
 * @return {string} It on one line.
 */
function show( value ) {
	if ( Array.isArray( value ) ) {
		return value.map( show ).join( ', ' );
	}
	if ( value && typeof value === 'object' ) {
		return Object.entries( value )
			.map( ( [ key, inner ] ) => `${ key }: ${ show( inner ) }` )
			.join( '; ' );
	}
	return String( value );
}

export function Evidence( { evidence } ) {
	const entries = Object.entries( evidence || {} );
	if ( ! entries.length ) {
		return null;
	}
	return (
		<dl className="bjlg-evidence">
			{ entries.map( ( [ key, value ] ) => (
				<div key={ key }>
					<dt>{ key }</dt>
					<dd>{ show( value ) }</dd>
				</div>
			) ) }
		</dl>
	);
}
