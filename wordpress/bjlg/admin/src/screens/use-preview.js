/**
 * The preview of an expression being typed: GET /schedule/preview once typing pauses, the
 * answers to earlier keystrokes dropped (they may arrive after the latest one). The preview is
 * checked against the site's other enabled schedule entries (`others`), all but `exclude`, the
 * entry being edited, so that an `overlap` shows while typing.
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import { read } from '../fetch';

export const PREVIEW_DELAY_MS = 300;

/**
 * @param {string} expression The expression typed.
 * @param {string} exclude    The id of the entry being edited ('' for a new one).
 */
export function usePreview( expression, exclude = '' ) {
	const [ result, setResult ] = useState( { state: 'idle' } );
	const latest = useRef( 0 );

	useEffect( () => {
		const request = ++latest.current;
		if ( ! expression.trim() ) {
			setResult( { state: 'idle' } );
			return undefined;
		}
		setResult( ( previous ) => ( { ...previous, state: 'loading' } ) );
		const timer = setTimeout( () => {
			read(
				`/bjlg/v1/schedule/preview?${ new URLSearchParams( {
					expression,
					count: 5,
					others: 'true',
					exclude,
				} ) }`
			).then(
				( preview ) =>
					request === latest.current &&
					setResult( { state: 'ok', preview } ),
				( error ) =>
					request === latest.current &&
					setResult( { state: 'error', error } )
			);
		}, PREVIEW_DELAY_MS );
		return () => clearTimeout( timer );
	}, [ expression, exclude ] );

	return result;
}
