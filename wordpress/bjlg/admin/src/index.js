/**
 * Mounts the screen the PHP page asks for (data-screen on #bjlg-admin-root). One bundle serves
 * every screen: they share @wordpress/components, which would otherwise be bundled once each.
 */
import { createRoot } from '@wordpress/element';
import '@wordpress/components/build-style/style.css';
import './style.css';
import { OverviewScreen } from './screens/overview';
import { ScheduleScreen } from './screens/schedule';
import { BackupsScreen } from './screens/backups';
import { StorageScreen } from './screens/storage';
import { IncidentsScreen } from './screens/incidents';
import { NetworkScreen } from './screens/network';
import { SettingsScreen } from './screens/settings';

const SCREENS = {
	overview: OverviewScreen,
	schedule: ScheduleScreen,
	backups: BackupsScreen,
	storage: StorageScreen,
	incidents: IncidentsScreen,
	network: NetworkScreen,
	settings: SettingsScreen,
};

const root = document.getElementById( 'bjlg-admin-root' );
if ( root ) {
	const Screen = SCREENS[ root.dataset.screen ] || OverviewScreen;
	createRoot( root ).render( <Screen /> );
}
