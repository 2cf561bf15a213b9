/**
 * What a screen or card shows until its REST answer is there: why it could not be read, or a
 * spinner while it loads.
 */
import { Notice, Spinner } from '@wordpress/components';

/**
 * @param {Object} props
 * @param {string} props.error Why it could not be read; empty while it loads.
 */
export function NotLoaded( { error } ) {
	if ( ! error ) {
		return <Spinner />;
	}
	return (
		<Notice status="error" isDismissible={ false }>
			{ error }
		</Notice>
	);
}
